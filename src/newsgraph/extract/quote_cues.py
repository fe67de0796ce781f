"""Word lists for attribution: verbs of saying, venues, referring words (titles: ``titles``).

The verbs are the frequent cue lemmas of PolNeAR's train split (the lists
were read off its Cue annotations), grouped by how sure a cue they are.
"""

from __future__ import annotations

# Verbs that introduce a direct quote or a reported clause.
SPEECH_VERBS = frozenset(
    """
    say tell add write ask tweet note report announce suggest argue explain declare continue
    acknowledge recall respond reply answer state claim insist warn predict promise vow pledge
    urge stress emphasize emphasise conclude concede admit confirm deny assert maintain contend
    counter retort remark comment observe joke quip boast complain lament caution charge testify
    post shout yell scream chant cry whisper muse wonder mention reveal indicate proclaim
    agree disagree allege estimate advise inform recount tout read demand sing
    """.split()
)

# Verbs that put words in someone's mouth without quoting a sentence: "called it a “disaster”".
NAMING_VERBS = frozenset(
    """
    call describe label dub brand term dismiss denounce praise accuse cite refer compare liken
    decry criticize criticise blast slam mock deride hail characterize characterise
    """.split()
)

# Verbs that report a stance through an object or an infinitive ("cited the polls", "refused
# to comment"): the word forms that PolNeAR's train split marks as cues in at least 40% of
# their occurrences, seen ten times or more, as lemmas.
REPORTING_VERBS = frozenset(
    """
    call cite endorse accuse criticize criticise declare respond explain acknowledge express
    refer point agree seek seem appear refuse urge offer warn propose conclude claim vow promise
    praise hope defend state insist argue question reveal suggest blast indicate predict confirm
    deny find order mock echo assure reiterate discuss recall complain dismiss denounce blame
    admit assert sound expect show decline talk reject attack post describe continue report
    announce ask write tweet add say tell note
    """.split()
)

# More verbs that report a stance through their complement, read off the parse of PolNeAR's
# train split: lemmas that, with an object, clause, infinitive or prepositional complement,
# lie inside a Cue span in at least half of their 8+ occurrences ("hop" is how the parser
# lemmatises "hoping"), less "speak" and "list", whose predicted attributions were then
# mostly wrong on train. The second line: verbs of saying (already cues of a clause) whose
# object, with no clause, is Content under a Cue in at least half of their 8+ occurrences on
# train ("mentioned disparaging remarks", "touted his record"). The third line: verbs of
# stance heading the Cue of train attributions that nothing found ("opposes the deal",
# "views him as", "focused on the economy"), kept one by one when train's all-attributions
# content+speaker F1 rose with each (``training/learn_quote_cues.py`` lists such candidates).
# The fourth line: that script's verbs of praise, blame and mention seen 4+ times in a frame
# and a cue in at least 70% of them ("chided the media", "alluded to his record").
STANCE_VERBS = frozenset(
    """
    highlight remind portray repeat publish push voice quote recognize applaud
    rail reference prefer credit disclose detail deem congratulate apologize outline distance
    rebut recite condemn dispute hop
    lament tout stress chant recount mention emphasize shout
    oppose support view focus like consider list assail remember nominate embrace
    chide rebuke lambast bemoan articulate allude vouch dwell relish repudiate savage
    """.split()
)

# Nouns that report a stance on what their preposition governs ("criticism [of the deal]"),
# with that preposition: the ones PolNeAR's train split marks as cues at least 40% of the
# time (8+ occurrences, from its parse); "comment" and "attack" were kept as the verbs of the
# third line of STANCE_VERBS were.
STANCE_NOUNS = {
    "endorsement": ("of",),
    "criticism": ("of", "for"),
    "defense": ("of",),
    "opposition": ("to",),
    "concern": ("about",),
    "question": ("about",),
    "doubt": ("about",),
    "talk": ("about",),
    "comment": ("on", "about"),
    "attack": ("on",),
}

# Adjectives that report a stance on what their preposition governs, said of a subject
# ("Graham has been critical [of Trump]", "wary of the deal"), with those prepositions, or
# on a "that" clause (None): the adjective frames PolNeAR's train split marks as cues at
# least half of the time (4+ occurrences, ``training/learn_quote_cues.py``).
STANCE_ADJECTIVES = {
    "critical": ("of",),
    "supportive": ("of",),
    "skeptical": ("of",),
    "sceptical": ("of",),
    "wary": ("of",),
    "confident": ("in",),
    "angry": ("about", "at"),
    "nervous": ("about",),
    "unhappy": ("with",),
    "concerned": (None,),
    "hopeful": (None,),
    "worried": (None,),
    "optimistic": (None,),
}

# Verbs whose object alone, a one-word name, is what they report ("Cruz has endorsed Trump"):
# on PolNeAR train, the name is a Content under the verb's Cue in at least half of its 8+
# occurrences.
NAME_OBJECT_VERBS = frozenset("endorse defend".split())

# Reporting verbs whose object is the one spoken to or of, never what was said ("told USA Today").
NO_OBJECT_CONTENT = frozenset("say tell add continue talk write tweet".split())

# Verbs of intent that PolNeAR marks as cues when they take an infinitive ("wants to triple
# the size of AmeriCorps"): their content is the infinitive alone.
INTENT_VERBS = frozenset(
    """
    want plan pledge promise hope vow intend decide threaten aim
    """.split()
)

# Verbs of thinking and wanting: cues of reported beliefs, never of direct quotes.
BELIEF_VERBS = frozenset(
    """
    think believe feel hope fear know expect worry suspect guess figure reckon assume doubt
    """.split()
)

# Verbs of finding and believing: they attribute only with a source that can say something
# ("Researchers found that ..."), never alone ("It is believed that ...").
RESEARCH_VERBS = frozenset(
    "find show suggest indicate reveal conclude estimate believe think feel expect suspect "
    "assume know see learn imply signal".split()
)

# Cue lemmas that need a clause complement to count (they also have other senses).
CLAUSE_ONLY = frozenset(
    "show find see read learn estimate imply signal speculate allege clarify hint rule".split()
)

# Nouns whose "that" clause is an attribution's content ("his claim that the vote was rigged"):
# the ones PolNeAR's train split marks as cues before "that" at least half the time.
CLAIM_NOUNS = frozenset(
    """
    statement claim warning suggestion complaint assertion belief concern fear argument
    assurance allegation accusation insistence contention prediction promise pledge
    """.split()
)

# Nouns naming where something was said: "in a statement", "at a press conference".
VENUE_NOUNS = frozenset(
    """
    statement conference briefing interview speech tweet post letter email e-mail release
    rally debate hearing broadcast podcast op-ed editorial column video message remarks
    appearance address memo report
    """.split()
)

# Platforms a cue can name by itself.
TWITTER = "Twitter/X"
PLATFORM_VERBS = {"tweet": TWITTER, "retweet": TWITTER}
PLATFORM_NAMES = {
    "twitter": TWITTER,
    "x": TWITTER,
    "facebook": "Facebook",
    "instagram": "Instagram",
}

# Nouns for bodies that speak as one: "the ministry said", "the group added".
GROUP_NOUNS = frozenset(
    """
    group ministry government company campaign committee party department agency council office
    administration commission organization organisation union association embassy army military
    police board firm bank network coalition alliance movement court
    """.split()
)

# Group nouns that name an organisation rather than a state: "the organization" is the last
# organisation named, not the last country or nationality ("the Afghan team").
ORGANISATION_NOUNS = frozenset(
    """
    group company campaign committee party agency council organization organisation union
    association board firm bank network coalition alliance movement
    """.split()
)

# Nouns for a written work that speaks: "the report says" is the study or report last named.
DOCUMENT_NOUNS = frozenset("report study survey paper poll review analysis".split())

# Common nouns that can say something, as a speaker's head ("the spokesman said", "the poll
# found"): the lemmas heading a Source at least three times in PolNeAR's train split (less the
# quantities, "a lot of voters", whose "of" phrase speaks), with titles (``titles``) and
# GROUP_NOUNS.
SPEAKING_NOUNS = frozenset(
    """
    account activist actor actress ad administration adviser advocate affidavit agency agreement
    aide ally analysis analyst army article associate attendee attorney audience author authority
    average backer bank base bill board book brother business businessman call camp campaign
    candidate chairman chairwoman checker chief circle colleague column columnist comment
    commentator commission community company congressman conservative contender council counsel
    count country couple court critic crowd data datum daughter debate defender delegate
    department developer diplomat director disclosure district document donor economist editor
    editorial email employee establishment estimate evidence executive expert faction family fan
    father figure filing firm force foundation friend general generation government governor
    group guy head headline hopeful host husband inquiry insider interview investigation
    investigator investor journalist judge justice law lawmaker lawsuit lawyer leader leadership
    legislation legislator legislature letter liberal lobbyist magazine medium member message
    minister moderator mogul mother narrator nation network newspaper nominee observer office
    officer official opinion opponent organization organizer outlet owner page panel paper
    partner party people percent person platform police politician poll polling pollster post
    president prince progressive projection prosecutor protester public pundit record release
    report reporter representative research researcher resident result review rival ruling
    runner scholar scientist secretary senator series site socialist son source speaker speech
    speechwriter spokesman spokeswoman spokesperson staff staffer star statement story strategist
    student study summary superdelegate supporter survey tally team transcript tweet tycoon union
    user veteran video voice voter website wife wing woman worker
    """.split()
) | frozenset(
    # the same kinds of nouns beyond politics: people by trade or standing, and institutions
    """
    doctor nurse teacher parent child student citizen neighbour neighbor witness victim survivor
    patient farmer owner boss surrogate relative regulator inspector investigator detective
    coroner scientist professor manager worker consumer customer shopper buyer seller founder
    chair ceo pilot soldier officer troop prisoner inmate refugee migrant mother father sister
    university college school hospital institute corporation bureau ministry embassy council
    authority tribunal prosecutor lab laboratory charity clinic agency regulator watchdog
    slide chart clip piece article documentary film ad
    """.split()
)

# Nouns of quantity whose "of" phrase is the speaker: "a majority of voters", "half of them".
QUANTITY_NOUNS = frozenset(
    "lot majority minority number half third quarter handful thousand dozen most some all one "
    "none many few several plenty group share percent other each".split()
)

# Nouns of time, measure and matter: never a speaker ("last year", "the size of its empire").
MUTE_NOUNS = frozenset(
    """
    year month week day hour minute time period decade century moment era season night morning
    evening afternoon weekend size amount level rate cost price value length height weight
    distance area volume degree extent scale pace speed soil water land ground air ice rock
    sand dirt mud oil gas fuel food money cash
    """.split()
)

# Person-noun endings: "economist", "physician", "chairman", "spokeswoman".
PERSON_SUFFIXES = ("ist", "ian", "man", "men", "woman", "women", "person", "people")

PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("they it we them".split())
