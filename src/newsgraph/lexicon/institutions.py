"""Words for an institution that open its name in Spanish, Portuguese, French, Italian,
German and Polish ("Fundación Ideas para la Paz", "Banco de la Nación Argentina").

The recogniser, learned from English news, cuts such names into persons and places, and
some of the words are also towns ("Fundación", Colombia). Entities read them as the start
of an organisation's name; places read them as no town when they open one. Lower case.
"""

from __future__ import annotations

FOREIGN_INSTITUTION_WORDS = frozenset(
    """fundación fundação fondation fondazione fundacja stiftung instituto institut istituto
    universidad universidade université università banco banque banca grupo groupe gruppo
    compañía companhia asociación associação ministerio ministério ministère partido parti
    sindicato consejo conselho conseil comité comisión comissão agencia agência agence
    sociedad sociedade société federación federação fédération colegio escuela""".split()
)
