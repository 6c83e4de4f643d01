"""scan_html(): block text, tel:/sms: links, hidden content and source positions."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv
from hotline_verify.cli import main


def _at(page: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of ``needle`` in ``page``."""
    offset = -1
    for _ in range(nth + 1):
        offset = page.index(needle, offset + 1)
    line = page.count("\n", 0, offset) + 1
    return line, offset - (page.rfind("\n", 0, offset) + 1) + 1


MISMATCH = """<!doctype html>
<html><body>
  <h1>联系我们</h1>
  <p>淘宝官方客服热线：<a class="btn" href="tel:400-123-4567">9510211</a></p>
</body></html>
"""


def test_a_link_that_dials_another_number_than_it_shows_is_flagged() -> None:
    found = hv.scan_html(MISMATCH)
    (link,) = [f for f in found if f.link is not None]
    assert link.link == "tel:400-123-4567"
    assert link.text == "400-123-4567"
    assert link.verdict.codes[0] == "link-target-differs"
    assert (
        "9510211" in link.verdict.reasons[0].message_en
        and "400-123-4567" in link.verdict.reasons[0].message_zh
    )
    assert link.status is hv.Status.UNOFFICIAL and link.finding.claimed_org is not None
    assert link.finding.claimed_org.id == "taobao"  # judged in the words of its block
    assert (link.line, link.column) == _at(MISMATCH, "tel:400")
    (shown,) = [f for f in found if f.link is None]
    assert (shown.text, shown.status) == ("9510211", hv.Status.OFFICIAL)
    assert (shown.line, shown.column, shown.end_column) == (
        *_at(MISMATCH, "9510211"),
        _at(MISMATCH, "9510211")[1] + 7,
    )


def test_a_link_that_dials_what_it_shows_is_one_finding() -> None:
    page = '<p>支付宝客服 <a href="tel:95188">95188</a></p>'
    found = hv.scan_html(page)
    assert [(f.text, f.link, f.status.value) for f in found] == [("95188", None, "official")]


def test_a_link_showing_words_is_judged_by_its_target_in_the_blocks_words() -> None:
    page = '<li><a href="tel:+86%20400-123-4567">拨打淘宝客服</a></li>'
    (found,) = hv.scan_html(page)
    assert found.link == "tel:+86%20400-123-4567" and found.status is hv.Status.UNOFFICIAL
    assert "link-target-differs" not in found.verdict.codes  # it shows no number to differ from


def test_sms_links_are_read_with_every_recipient() -> None:
    page = '<p>工商银行：<a href="sms:95588,106912345?body=CXYE">发短信 95566</a></p>'
    found = [f for f in hv.scan_html(page) if f.link]
    assert [f.text for f in found] == ["95588", "106912345"]
    assert all(f.verdict.codes[0] == "link-target-differs" for f in found)


NESTED = """<div class="result">
  <h3><a href="/x">官方客服</a></h3>
  <ul>
    <li><span class="brand"><b>淘宝</b></span>
        <span>客服电话：<em><strong>400-123-4567</strong></em></span></li>
    <li><span>支付宝</span> <i>热线 <u>95188</u></i></li>
  </ul>
  <p>天猫超市</p><p>95588</p>
</div>"""


def test_numbers_in_nested_inline_elements_keep_the_brand_of_their_block() -> None:
    found = {f.text: f for f in hv.scan_html(NESTED)}
    fake = found["400-123-4567"]
    assert fake.status is hv.Status.UNOFFICIAL and fake.finding.claimed_org is not None
    assert fake.finding.claimed_org.id == "taobao"
    assert (fake.line, fake.column) == _at(NESTED, "400-123-4567")
    assert (
        found["95188"].finding.claimed_org is not None and found["95188"].finding.claimed_org.id == "alipay"
    )
    # a brand in one block is no claim on the number in the next one
    assert "95588" not in found or found["95588"].finding.claimed_org is None


def test_script_style_template_noscript_and_comments_are_not_text() -> None:
    hidden = [
        '<script>document.write("淘宝客服 400-123-4567")</script>',
        "<style>.x::after{content:'淘宝客服 400-123-4567'}</style>",
        "<template><p>淘宝客服 400-123-4567</p></template>",
        "<noscript><p>淘宝客服 400-123-4567</p></noscript>",
        "<!-- 淘宝客服 400-123-4567 -->",
        '<script><a href="tel:4001234567">淘宝客服</a></script>',
    ]
    for part in hidden:
        page = f"<body>{part}<p>淘宝客服 400-765-4321</p></body>"
        assert [f.text for f in hv.scan_html(page)] == ["400-765-4321"], part


def test_entities_are_decoded_and_positions_stay_in_the_source() -> None:
    page = "<p>\n\n  淘宝&nbsp;客服&#65306;4OO&#45;123&#x2D;4567 &amp; more</p>"
    (found,) = hv.scan_html(page)
    assert found.text == "4OO-123-4567" and found.status is hv.Status.LOOKALIKE
    assert (found.line, found.column) == _at(page, "4OO")
    assert (found.end_line, found.end_column) == (3, _at(page, "4567")[1] + 4)


def test_positions_across_lines_and_after_wide_characters() -> None:
    page = (
        "<table>\n<tr><td>客服：</td><td>支付宝官方客服\r\n   95188</td></tr>\n</table>\n<p>工行 95588</p>\n"
    )
    found = hv.scan_html(page)
    assert [(f.text, f.line, f.column) for f in found] == [
        ("95188", *_at(page, "95188")),
        ("95588", *_at(page, "95588")),
    ]
    assert found[0].finding.claimed_org is not None and found[0].finding.claimed_org.id == "alipay"


def test_a_line_break_element_separates_lines() -> None:
    page = "<p>淘宝<br>400-123-4567</p>"
    text_found = hv.scan("淘宝\n400-123-4567")
    (found,) = hv.scan_html(page)
    assert found.finding.claimed_org == text_found[0].claimed_org
    assert (found.line, found.column) == _at(page, "400")


HOSTILE = {
    "unclosed tags": "<div><p><b><i>淘宝客服 400-123-4567",
    "unclosed start tag": '<p>淘宝客服 400-123-4567 <a href="tel:4001234567',
    "unclosed comment": "<p>95188</p><!-- 400-123-4567",
    "unclosed script": "<p>95188</p><script>400-123-4567",
    "stray end tags": "</p></div></a></script></br>95188</td>" * 50,
    "deep nesting": "<div>" * 50_000 + "淘宝客服 400-123-4567" + "</div>" * 50_000,
    "deep unclosed inline": "<b>" * 50_000 + "95188",
    "huge attribute": '<a href="tel:' + "9" * 1_000_000 + '">95188</a>',
    "huge quoted attribute": '<p title="' + "x" * 2_000_000 + '">95188</p>',
    "many links": '<a href="tel:95188">1</a>' * 5_000,
    "bogus markup": "<!><!-><![CDATA[95188]]><?php 95188 ?><!DOCTYPE x [<!ENTITY a '95188'>]>&a;&#xFFFFFFFF;&#0;&;&#;",
    "lone surrogates": "<p>\ud800淘宝客服\udfff 400-123-4567</p>",
    "nul bytes": "<p>\x00淘宝客服\x00 400-123-4567</p>",
    "only markup": "<" * 100_000,
    "attributes without values": "<a href tel: sms:>95188</a><a href>x</a><a href=''>y</a>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_html_never_raises(name: str) -> None:
    started = time.perf_counter()
    found = hv.scan_html(HOSTILE[name])
    assert time.perf_counter() - started < 10
    page = HOSTILE[name]
    for f in found:  # every position lies inside the page
        assert 1 <= f.line <= page.count("\n") + 1 and f.column >= 1


def test_deep_nesting_still_finds_the_number() -> None:
    assert [f.text for f in hv.scan_html(HOSTILE["deep nesting"])] == ["400-123-4567"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>/=\"'&#;!- \nabpdivtel:sms:9518840淘宝客服ahref")), max_size=300)
)
def test_any_markup_never_raises(page: str) -> None:
    for f in hv.scan_html(page):
        assert f.line >= 1 and f.column >= 1


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        hv.scan_html(b"<p>95188</p>")  # type: ignore[arg-type]


def test_cli_scans_html_files_as_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "contact.htm"
    page.write_text(MISMATCH, "utf-8")
    assert main(["scan", "--lang", "en", str(page)]) == 1
    out = capsys.readouterr().out
    line, column = _at(MISMATCH, "tel:400")
    assert out.startswith(
        f"{page}:{line}:{column}: link-target-differs The link shows 9510211, but tapping it"
    )
    # an ignore comment on the line silences its findings, as in any other file
    ignored = tmp_path / "ignored.html"
    ignored.write_text('<p>淘宝客服 <a href="tel:4001234567">9510211</a></p> <!-- hotline-verify: ignore -->')
    assert main(["scan", str(ignored)]) == 0
