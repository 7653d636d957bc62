"""Decoding page bytes: byte-order marks, labels, detection, damaged UTF-8, binary and empty input, format sniffing.

Every page here is built in the test from sentences written for it, encoded with the codec under test.
"""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thresher.decode import (
    CHUNK_SAMPLE_BYTES,
    CHUNK_SAMPLE_COUNT,
    HEAD_SAMPLE_BYTES,
    DecodeResult,
    decode,
    decode_with_info,
    normalize_charset,
    sniff_format,
)
from thresher.errors import InputError

CHINESE_SIMPLIFIED = (
    "北京市是中华人民共和国的首都，也是全国的政治中心和文化中心。今年春天，市政府宣布将在城市东部新建三座公园，"
    "并计划在五年内把公共交通的覆盖范围扩大一倍。许多居民表示，他们希望新的公园能够早日开放。"
)
CHINESE_TRADITIONAL = (
    "臺北市是臺灣最大的城市之一，擁有許多歷史悠久的廟宇與熱鬧的夜市。今年夏天，市政府宣布將擴建捷運路線，"
    "並在各區增設圖書館與運動中心。許多市民表示，他們期待交通更加便利，生活品質也能隨之提升。"
)
JAPANESE = (
    "東京都は日本の首都であり、世界でも有数の大都市です。今年の春、都は新しい図書館を三つ建設すると発表しました。"
    "多くの住民は、子どもたちが本に親しむ機会が増えることを期待しています。駅の近くには公園も整備される予定です。"
)
KOREAN = (
    "서울은 대한민국의 수도이며 정치와 경제의 중심지입니다. 올해 봄 서울시는 도심에 새로운 공원 세 곳을 만들겠다고 "
    "발표했습니다. 많은 시민들은 공원이 빨리 문을 열어 가족과 함께 산책할 수 있기를 바라고 있습니다."
)
RUSSIAN = (
    "Москва является столицей России и крупнейшим городом страны. Этой весной городские власти объявили о "
    "строительстве трёх новых парков и расширении сети общественного транспорта. Многие жители надеются, что "
    "парки откроются уже в следующем году."
)
FRENCH = (
    "Le conseil municipal a voté mercredi un budget destiné à rénover les écoles élémentaires du quartier. Les "
    "élèves, leurs parents et les enseignants attendaient ces travaux depuis des années ; la mairie promet qu'ils "
    "seront achevés avant la rentrée, à l'exception du gymnase."
)
ENGLISH_CURLY = (
    "The committee\u2019s report, published on Tuesday, said the council \u201chad failed\u201d to act on the "
    "warnings it received last spring. Residents\u2019 groups welcomed the findings."
)

LEGACY = [
    # (text, codec used to write it, codec thresher should report)
    (CHINESE_SIMPLIFIED, "gbk", "gb18030"),
    (CHINESE_TRADITIONAL, "big5", "big5hkscs"),
    (JAPANESE, "shift_jis", "cp932"),
    (KOREAN, "euc_kr", "cp949"),
    (RUSSIAN, "cp1251", "cp1251"),
    (FRENCH, "cp1252", "windows-1252"),
]


def html_page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}<title>Page</title></head>\n<body><p>{body}</p></body></html>\n"


# -- detection without any label


@pytest.mark.parametrize(("text", "writer", "expected"), LEGACY, ids=[case[1] for case in LEGACY])
def test_unlabelled_legacy_text_is_detected(text: str, writer: str, expected: str) -> None:
    result = decode_with_info(text.encode(writer))
    assert result == DecodeResult(text, expected, "detected")


@pytest.mark.parametrize(("text", "writer", "expected"), LEGACY, ids=[case[1] for case in LEGACY])
def test_unlabelled_legacy_html_is_detected(text: str, writer: str, expected: str) -> None:
    page = html_page(text)
    result = decode_with_info(page.encode(writer))
    assert (result.text, result.charset, result.method) == (page, expected, "detected")


def test_detection_samples_long_input_and_decodes_all_of_it() -> None:
    # Longer than the sample, so detection sees only parts of it; the whole must still decode with the guess.
    text = "\n".join([RUSSIAN] * (3 * (HEAD_SAMPLE_BYTES + CHUNK_SAMPLE_BYTES * CHUNK_SAMPLE_COUNT) // len(RUSSIAN)))
    result = decode_with_info(text.encode("cp1251"))
    assert result.charset == "cp1251"
    assert result.text == text


# -- byte-order marks


@pytest.mark.parametrize(
    ("bom_codec", "charset"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32-le", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),
    ],
)
def test_bom_wins_and_is_dropped(bom_codec: str, charset: str) -> None:
    text = FRENCH + "\n" + JAPANESE
    data = text.encode(bom_codec) if bom_codec == "utf-8-sig" else "\ufeff".encode(bom_codec) + text.encode(bom_codec)
    assert decode_with_info(data) == DecodeResult(text, charset, "bom")


def test_bom_beats_a_meta_label() -> None:
    page = html_page(FRENCH, '<meta charset="windows-1251">')
    assert decode_with_info(b"\xef\xbb\xbf" + page.encode("utf-8")) == DecodeResult(page, "utf-8", "bom")


# -- labels in the page and from the caller


@pytest.mark.parametrize(
    ("text", "writer", "head", "expected"),
    [
        (CHINESE_SIMPLIFIED, "gb2312", '<meta charset="gb2312">', "gb18030"),
        (JAPANESE, "shift_jis", '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "cp932"),
        (FRENCH, "cp1252", "<meta http-equiv=content-type content='text/html;charset=iso-8859-1'>", "windows-1252"),
        (KOREAN, "euc_kr", "<META CHARSET=EUC-KR>", "cp949"),
        (RUSSIAN, "koi8_r", '<meta charset="koi8-r" />', "koi8-r"),
    ],
)
def test_meta_charset_is_used(text: str, writer: str, head: str, expected: str) -> None:
    page = html_page(text, head)
    assert decode_with_info(page.encode(writer)) == DecodeResult(page, expected, "meta")


def test_xml_declaration_is_a_label() -> None:
    page = '<?xml version="1.0" encoding="windows-1251"?>\n<html><body><p>' + RUSSIAN + "</p></body></html>"
    assert decode_with_info(page.encode("cp1251")) == DecodeResult(page, "cp1251", "meta")


def test_meta_after_a_long_head_still_counts_but_not_in_comments_or_body() -> None:
    script = "<script>" + "var x = 1;\n" * 800 + "</script>"  # pushes the label past the first few KB
    late = html_page(FRENCH, script + '<meta charset="windows-1252">')
    assert decode_with_info(late.encode("cp1252")).method == "meta"
    commented = html_page(RUSSIAN, '<!-- <meta charset="gbk"> -->')
    assert decode_with_info(commented.encode("cp1251")).charset == "cp1251"
    in_body = "<html><head></head><body><p>" + RUSSIAN + '</p><meta charset="gbk"></body></html>'
    assert decode_with_info(in_body.encode("cp1251")).charset == "cp1251"


def test_meta_naming_utf16_on_ascii_compatible_bytes_means_utf8() -> None:
    page = html_page(FRENCH, '<meta charset="utf-16">')
    assert decode_with_info(page.encode("utf-8")) == DecodeResult(page, "utf-8", "meta")


def test_declared_charset_is_used_when_the_page_names_none() -> None:
    data = RUSSIAN.encode("cp1251")
    assert decode_with_info(data, declared="windows-1251") == DecodeResult(RUSSIAN, "cp1251", "declared")
    assert decode_with_info(data, declared="text/html; charset=CP1251").method == "declared"


def test_meta_label_comes_before_the_declared_one() -> None:
    page = html_page(RUSSIAN, '<meta charset="windows-1251">')
    assert decode_with_info(page.encode("cp1251"), declared="iso-8859-1").method == "meta"


def test_unknown_or_unsafe_labels_are_ignored() -> None:
    for label in ("x-klingon", "utf-7", "base64", "rot13", "undefined"):
        page = html_page(FRENCH, f'<meta charset="{label}">')
        result = decode_with_info(page.encode("utf-8"), declared=label)
        assert (result.text, result.method) == (page, "utf-8")


@pytest.mark.parametrize(
    ("text", "writer", "declared", "expected"),
    [
        (RUSSIAN, "cp1251", "utf-8", "cp1251"),  # UTF-8 label on legacy bytes: most bytes are invalid
        (CHINESE_SIMPLIFIED, "gbk", "big5", "gb18030"),  # the wrong Chinese table: many pairs undefined
        (FRENCH, "cp1252", "utf-8", "windows-1252"),
        (JAPANESE, "shift_jis", "euc-kr", "cp932"),
    ],
)
def test_wrongly_declared_charset_falls_back_to_detection(text: str, writer: str, declared: str, expected: str) -> None:
    result = decode_with_info(text.encode(writer), declared=declared)
    assert result == DecodeResult(text, expected, "detected")


def test_wrong_meta_label_falls_back_to_detection() -> None:
    page = html_page(RUSSIAN + " " + RUSSIAN, '<meta charset="utf-8">')
    assert decode_with_info(page.encode("cp1251")) == DecodeResult(page, "cp1251", "detected")


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1251", "gbk", "shift_jis"])
def test_legacy_label_on_valid_utf8_is_stale(label: str) -> None:
    page = html_page(FRENCH + " " + CHINESE_SIMPLIFIED, f'<meta charset="{label}">')
    assert decode_with_info(page.encode("utf-8"), declared=label) == DecodeResult(page, "utf-8", "utf-8")


def test_legacy_label_on_damaged_utf8_is_stale_too() -> None:
    page = html_page((RUSSIAN + " ") * 3, '<meta charset="windows-1251">')
    data = page.encode("utf-8").replace("столицей".encode(), b"\xff\xfe", 1)
    result = decode_with_info(data)
    assert (result.charset, result.method) == ("utf-8", "utf-8-replace")
    assert result.text == page.replace("столицей", "\ufffd\ufffd", 1)


def test_windows_1252_decodes_its_undefined_bytes_as_c1_controls() -> None:
    # WHATWG decodes 0x81, 0x8D, 0x8F, 0x90 and 0x9D to the C1 control of the same number; Python's cp1252 fails.
    data = FRENCH.encode("cp1252") + b" \x81\x8d\x8f\x90\x9d"
    result = decode_with_info(data, declared="iso-8859-1")
    assert result.text == FRENCH + " \x81\x8d\x8f\x90\x9d"
    assert result.method == "declared"


def test_big5_page_with_the_euro_sign_decodes_through_cp950() -> None:
    text = CHINESE_TRADITIONAL + "票價為€25。"
    page = html_page(text, '<meta charset="big5">')
    result = decode_with_info(page.encode("cp950"))
    assert (result.text, result.method, result.charset) == (page, "meta", "cp950")


# -- UTF-8, intact and damaged


def test_plain_utf8() -> None:
    text = JAPANESE + "\n" + RUSSIAN
    assert decode_with_info(text.encode("utf-8")) == DecodeResult(text, "utf-8", "utf-8")


def test_utf8_with_a_few_bad_bytes_keeps_utf8_and_marks_the_damage() -> None:
    good = (RUSSIAN + "\n" + FRENCH + "\n") * 4
    data = bytearray(good.encode("utf-8"))
    damaged = [120, 700, 1500]
    for at in damaged:
        data[at] = 0xFF  # never valid in UTF-8
    result = decode_with_info(bytes(data))
    assert (result.charset, result.method) == ("utf-8", "utf-8-replace")
    assert result.text.count("\ufffd") >= len(damaged)
    assert "Москва является столицей России" in result.text
    assert "budget destiné à rénover les écoles" in result.text


def test_damage_beyond_the_sample_is_found_in_the_whole_input() -> None:
    text = "\n".join([FRENCH] * (2 * (HEAD_SAMPLE_BYTES + CHUNK_SAMPLE_BYTES * CHUNK_SAMPLE_COUNT) // len(FRENCH)))
    data = text.encode("utf-8") + b" \xff"
    result = decode_with_info(data)
    assert (result.method, result.text) == ("utf-8-replace", text + " \ufffd")


def test_legacy_text_with_few_non_ascii_bytes_is_not_taken_for_damaged_utf8() -> None:
    # Each curly quote is one invalid UTF-8 byte, but nothing on the page is valid multi-byte UTF-8.
    data = (ENGLISH_CURLY * 3).encode("cp1252")
    result = decode_with_info(data)
    assert result == DecodeResult(ENGLISH_CURLY * 3, "windows-1252", "detected")


# -- binary input


def tiny_png() -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1 pixel, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte, then one red pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.html", html_page(FRENCH))
    return buffer.getvalue()


BINARIES = {
    "PNG image": tiny_png(),
    "JPEG image": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
    "GIF image": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04",
    "WebP image": b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00",
    "PDF document": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "ZIP archive": zip_bytes(),
    "gzip stream": gzip.compress(html_page(FRENCH).encode("utf-8")),
}


@pytest.mark.parametrize("kind", list(BINARIES))
def test_binary_formats_are_named(kind: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(BINARIES[kind])
    assert str(caught.value) == f"input is a {kind}, not a page"


def test_nul_laden_bytes_are_binary() -> None:
    data = b"".join(struct.pack("<I", n) for n in range(2000))
    with pytest.raises(InputError, match=r"^input looks binary \(it contains NUL bytes\), not a page$"):
        decode(data)


def test_control_bytes_without_nul_are_binary() -> None:
    data = bytes(range(1, 32)) * 100
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_a_stray_nul_in_a_long_page_does_not_make_it_binary() -> None:
    page = html_page(FRENCH * 20)
    data = page.encode("utf-8").replace(b"</p>", b"\x00</p>", 1)
    assert decode(data) == page.replace("</p>", "\x00</p>", 1)


@pytest.mark.parametrize(
    "prose",
    [
        b"ID3 tags hold the title of a song.",
        b"PK stands for penalty kick.",
        b"BZh is not a word.",
        b"MZ Hotel reopens in May.",
        b"OggS and more.",
    ],
)
def test_text_that_starts_like_a_signature_is_text(prose: bytes) -> None:
    assert decode(prose) == prose.decode("ascii")


def test_declared_utf16_without_bom_is_not_binary() -> None:
    text = FRENCH + "\n" + KOREAN
    assert decode_with_info(text.encode("utf-16-le"), declared="utf-16le") == DecodeResult(
        text, "utf-16-le", "declared"
    )
    with pytest.raises(InputError, match="binary"):
        decode(text.encode("utf-16-le"))  # with no label or BOM, NULs every other byte look binary


# -- empty input


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b" \t\r\n\f\v ",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
        "\ufeff  \n".encode("utf-16"),
        "  ".encode("utf-32"),
    ],
)
def test_empty_or_blank_input(data: bytes) -> None:
    with pytest.raises(InputError, match="^input is empty$"):
        decode(data)


def test_str_is_taken_as_is() -> None:
    for text in ("", "  ", "\ufeffhello", "\x00\x01"):
        assert decode_with_info(text) == DecodeResult(text, None, "str")


# -- labels


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "windows-1252"),
        ("latin1", "windows-1252"),
        ("US-ASCII", "windows-1252"),
        ("iso_8859-1:1987", "windows-1252"),
        ("GB2312", "gb18030"),
        ("GBK", "gb18030"),
        ("gb18030", "gb18030"),
        ("Shift_JIS", "cp932"),
        ("x-sjis", "cp932"),
        ("EUC-KR", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("Big5", "big5hkscs"),
        ("ISO-8859-9", "cp1254"),
        ("iso-8859-15", "iso8859-15"),
        ("ISO8859-2", "iso8859-2"),
        ("windows-1251", "cp1251"),
        ("UTF8", "utf-8"),
        (' "utf-8" ', "utf-8"),
        ("text/html; charset=EUC-JP", "euc-jp"),
        ("utf-7", None),
        ("base64", None),
        ("zlib", None),
        ("iso-8859-99", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_charset(label: str | None, codec: str | None) -> None:
    assert normalize_charset(label) == codec


# -- HTML or text?


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "\ufeff\n\n  <!doctype HTML>\n<title>x</title>",
        "<!-- saved from url=(0014)about:internet -->\n<!-- another -->\n<html lang=en><p>x",
        (
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"></html>'
        ),
        "<div class='story'><h1>Title</h1><p>One paragraph.</p><p>Another one.</p></div>",
        "<p>A fragment of paragraphs</p>\n<p>with no document around them</p>\n<p>at all.</p>",
        "Intro line\n<body><div>" + "<p>text</p>" * 3 + "</div></body>",
        "Posted by Ann<br>\n" + "<ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul>" * 5,
    ],
)
def test_sniff_html(page: str) -> None:
    assert sniff_format(page) == "html"


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n\t ",
        "Just a line of text.",
        "Use <b> to make text bold, the manual says.\nThat is all there is to it.",
        "From: Ann <ann@example.org>\nTo: Bob <bob@example.org>\nSubject: <no subject>\n\nHello Bob.",
        "Model output <unk> <unk> <pad> tokens.",
        FRENCH + "\nTags such as <p>, <div> and <span> are common; so is <br>.\n" + (FRENCH + "\n") * 5,
        "if a < b and c > d then swap them, and if x<y>z it is fine.",
        "5 < 6 > 4 <<<>>> <3 </> <-- arrows -->",
    ],
)
def test_sniff_text(page: str) -> None:
    assert sniff_format(page) == "text"


def test_sniff_handles_pathological_markup_without_blowing_up() -> None:
    # Many unclosed angle brackets and one huge tag: each regex attempt stops at the next "<", so the scan is linear.
    assert sniff_format("<a " * 200_000) == "text"
    assert sniff_format("<p " + "x" * 3_000_000 + ">") == "text"
    assert sniff_format(" " * 1_000_000 + "<!doctype html><p>x") == "html"


# -- properties


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_decode_to_str_or_raise_input_error(data: bytes) -> None:
    try:
        result = decode_with_info(data)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert isinstance(result.text, str) and result.text.strip("\ufeff").strip()
        assert result.charset is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                b"\xff",
                b"\x00",
                b"\xef\xbb\xbf",
                b"\xfe\xff",
                b"<meta charset=gbk>",
                b"\x1b$B",
                "é".encode(),
                "中".encode("gbk"),
                b"GIF89a",
                b" ",
                b"\n",
                b"a",
            ]
        ),
        max_size=80,
    )
)
def test_adversarial_byte_soup_decodes_or_raises_input_error(parts: list[bytes]) -> None:
    try:
        assert isinstance(decode(b"".join(parts), declared="utf-16"), str)
    except InputError:
        pass


# Text without C0 controls (which mark binary input) and not starting with a file signature's printable letters.
printable_text = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\x7f"],
    ),
    max_size=2000,
)


@settings(max_examples=300, deadline=None)
@given(printable_text)
def test_utf8_round_trip(text: str) -> None:
    stripped = text.removeprefix("\ufeff")
    if not stripped.strip():
        with pytest.raises(InputError, match="^input is empty$"):
            decode(text.encode("utf-8"))
        return
    try:
        decoded = decode(text.encode("utf-8"))
    except InputError as exc:  # only a page that starts with a binary signature may be refused
        assert str(exc).startswith("input is a ") and str(exc).endswith(", not a page")
        return
    assert decoded == stripped


# -- the input handed on as UTF-8 (DecodeResult.utf8)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300), st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="latin-1">']))
def test_the_input_is_handed_on_only_when_it_is_exactly_the_text_in_utf8(text, head):
    data = (head + "<p>" + text).encode("utf-8", "surrogatepass")
    try:
        result = decode_with_info(data)
    except InputError:
        return
    if result.utf8 is not None:
        assert result.utf8 is data
        assert result.text.encode("utf-8") == data


def test_utf8_pages_are_handed_on_and_others_are_not():
    page = "<html><head><title>Grüße</title></head><body><p>Schöne Grüße aus Köln.</p></body></html>"
    assert decode_with_info(page.encode("utf-8")).utf8 == page.encode("utf-8")
    assert decode_with_info(page.encode("utf-8").replace(b"\xc3\xb6", b"\xf6", 1)).utf8 is None  # damaged: replaced
    assert decode_with_info(b"\xef\xbb\xbf" + page.encode("utf-8")).utf8 is None  # the BOM is not in the text
    assert decode_with_info(page.encode("cp1252")).utf8 is None
    big = ("<p>" + "Grüße " * 40_000).encode("utf-8") + b"\xff"  # damage past the sample: not strict UTF-8
    assert decode_with_info(big).utf8 is None


def test_cleaning_bytes_handed_on_gives_the_same_document_as_cleaning_the_text():
    from thresher import clean

    page = "<html><body><article><h1>Über Köln</h1><p>" + "Der Dom steht am Rhein. " * 20 + "</p></article></body></html>"
    from_bytes = clean(page.encode("utf-8"))
    assert from_bytes.to_dict() == clean(page).to_dict()
    assert "Der Dom steht am Rhein." in from_bytes.text
