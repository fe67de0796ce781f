"""Reading documents: encodings honoured or detected, HTML told from text, bad input refused."""

import gzip
import random

import pytest

from newsgraph.errors import BinaryInputError, DecodeError, EmptyInputError, TooLargeError
from newsgraph.read.document import decode, detect_format, read_bytes, read_path, read_text

ZH = (
    "港口管理局周二批准修建新的防波堤。工程师说，这座建筑将保护大约三百艘渔船免受冬季风暴的影响。"
    "反对该计划的居民认为，这笔钱应该用于渡轮服务。"
)
ZH_TW = (
    "港務局週二批准興建新的防波堤。工程師表示，這座建築將保護約三百艘漁船免受冬季風暴的影響。"
    "反對該計畫的居民認為，這筆錢應該用於渡輪服務。"
)
RU = (
    "Управление порта во вторник одобрило строительство нового волнолома. "
    "Инженеры заявили, что сооружение защитит около трёхсот рыболовецких судов от штормов. "
    "Жители, выступавшие против плана, утверждали, что деньги лучше потратить на паром."
)
FR = (
    "L'autorité portuaire a approuvé mardi la construction d'un brise-lames à Saint-Malo. "
    "Les ingénieurs ont déclaré que l'ouvrage protégera près de trois cents bateaux de pêche. "
    "Les habitants opposés au projet ont estimé que l'argent devait être dépensé ailleurs."
)
AR = (
    "وافقت سلطة الميناء يوم الثلاثاء على بناء حاجز أمواج جديد. "
    "وقال المهندسون إن المنشأة ستحمي نحو ثلاثمائة قارب صيد من عواصف الشتاء."
)


def html_page(text: str, charset: str | None, http_equiv: bool = False) -> str:
    if charset is None:
        meta = ""
    elif http_equiv:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    else:
        meta = f'<meta charset="{charset}">'
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>t</title></head>"
        f"<body><article><p>{text}</p><p>{text}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("text", "charset", "http_equiv"),
    [
        (ZH, "gb2312", False),
        (ZH, "GB2312", True),
        (ZH_TW, "big5", False),
        (RU, "windows-1251", True),
        (FR, "iso-8859-1", False),
        (FR, "latin1", True),
    ],
)
def test_declared_charset_is_honoured(text, charset, http_equiv):
    data = html_page(text, charset, http_equiv).encode(charset)
    doc = read_bytes(data)
    assert doc.format == "html"
    assert text in doc.text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (ZH, "gb18030"),
        (ZH_TW, "big5"),
        (RU, "cp1251"),
        (RU, "koi8-r"),
        (FR, "cp1252"),
        (AR, "cp1256"),
    ],
)
def test_undeclared_charset_is_detected(text, codec):
    data = html_page(text, None).encode(codec)
    assert text in read_bytes(data).text


def test_a_false_declaration_does_not_garble_utf8():
    data = html_page(FR, "iso-8859-1").encode("utf-8")
    assert FR in read_bytes(data).text


def test_utf8_with_a_stray_byte_stays_utf8():
    data = html_page(RU * 20, "utf-8").encode("utf-8").replace(b"<title>", b"<title>\xff")
    text, enc = decode(data)
    assert enc == "utf-8" and RU in text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks(codec):
    assert ZH in read_bytes(html_page(ZH, None).encode(codec)).text


def test_utf16_without_bom():
    text, enc = decode(("Plain text in UTF-16. " * 20).encode("utf-16-le"))
    assert enc == "utf-16-le" and text.startswith("Plain text")


def test_plain_text_is_text_and_html_is_html():
    assert detect_format("The minister said on Monday that <b> tags are rare in text.") == "text"
    assert detect_format('<?xml version="1.0"?>\n<html><body><p>x</p></body></html>') == "html"
    assert detect_format("<!-- c -->\n<!DOCTYPE html><html></html>") == "html"


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t ", "\ufeff".encode("utf-8")],
)
def test_empty_input_is_refused(data):
    with pytest.raises(EmptyInputError):
        read_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(100),
        b"%PDF-1.4 ...",
        b"PK\x03\x04" + bytes(50),
        b"some text\x00\x01\x02 with NUL bytes" * 10,
    ],
)
def test_binary_input_is_refused(data):
    with pytest.raises(BinaryInputError):
        read_bytes(data)


def test_random_bytes_are_refused():
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(20_000))
    with pytest.raises((BinaryInputError, DecodeError)):
        read_bytes(data)


def test_oversized_input_is_refused():
    with pytest.raises(TooLargeError):
        read_bytes(b"a" * 2000, max_bytes=1000)
    with pytest.raises(TooLargeError):
        read_text("a" * 2000, max_bytes=1000)


def test_gzip_is_unpacked_and_a_gzip_bomb_is_refused():
    page = html_page(FR, "utf-8").encode()
    assert FR in read_bytes(gzip.compress(page)).text
    with pytest.raises(TooLargeError):
        read_bytes(gzip.compress(b" " * 5_000_000), max_bytes=1_000_000)


def test_read_path_uses_the_extension(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html_page(RU, "windows-1251").encode("cp1251")))
    doc = read_path(path)
    assert doc.format == "html" and RU in doc.text and doc.source == str(path)
    with pytest.raises(TooLargeError):
        read_path(path, max_bytes=10)


def test_utf8_with_a_few_bad_bytes_stays_utf8_and_says_so():
    from newsgraph.read import read_bytes

    text = "The minister said: \u201cIran\u2019s role is clear,\u201d and left. " * 40
    data = text.encode("utf-8")
    a, b = data.index(b" and ", 400), data.index(b" and ", 900)  # between ASCII characters
    damaged = data[:a] + b"\xff\xfe\x80" + data[a:b] + b"\x81\x82" + data[b:]
    doc = read_bytes(damaged)
    assert doc.encoding == "utf-8"
    assert "\u201cIran\u2019s" in doc.text and "\u201a\u00c4\u00f9" not in doc.text  # not Mac Roman
    assert doc.warnings == ["5 undecodable bytes replaced (read as utf-8)"]
    assert read_bytes(data).warnings == []


def test_text_really_in_another_encoding_is_still_detected():
    from newsgraph.read import read_bytes

    text = "Le conseil municipal a voté mardi la fermeture de deux bibliothèques à Besançon. " * 20
    doc = read_bytes(text.encode("cp1252"))
    assert doc.text == text and doc.warnings == []
