"""Links in a message: web addresses, bare domains and e-mail addresses.

Digits inside a link are not a phone number, but a link whose address carries an
official number or a brand's name is a phishing sign of its own (``www.95588-icbc.cc``).
A phone number passed in a query string (``?tel=4001234567``) is still a number.

>>> text = "请登录 www.95588-icbc.cc 解冻，或拨 95588"
>>> [text[s:e] for s, e in link_spans(text)]
['www.95588-icbc.cc']
>>> phone_params("https://m.example.cn/call?tel=4001234567&src=x")
[(30, 40)]
"""

from __future__ import annotations

import functools
import re

from ._allowlist import Allowlist
from ._model import Reason
from ._reasons import reason

__all__ = ["link_flags", "link_spans", "phone_params", "site_of"]

_TLD = (
    "com|cn|net|org|cc|top|xyz|vip|info|shop|site|online|club|co|io|me|tk|ml|ga|cf|gq|wang|ink|link|app"
    "|hk|tw|mo|ltd|pro|live|icu|fun|work|store|tech|biz|asia|mobi|name|tv|ws|la|im|one|today|space"
)
_SCHEME_OR_WWW = (
    r"(?:https?://|www\.)[^\s，。、；！？）)】>\"'<]{1,300}"  # a scheme or www.: up to the first space
)
_EMAIL = r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,4}"  # an e-mail address
_DOMAIN = (
    rf"[A-Za-z0-9](?<![\w.@-].)(?:[A-Za-z0-9-]{{0,62}}\.){{1,4}}(?:{_TLD})(?![A-Za-z0-9-])"  # a bare domain
    r"(?:[/?#][^\s，。、；！？）)】>\"'<]{0,300})?"
)


class _Patterns:
    """The patterns of this module, compiled the first time a text has a dot or a scheme: most
    messages have neither, and compiling them costs more than scanning a message."""

    def __init__(self) -> None:
        self.link = re.compile(f"{_SCHEME_OR_WWW}|{_EMAIL}|{_DOMAIN}", re.IGNORECASE)
        # the e-mail branch tries up to 64 word characters at every letter of Chinese text: without
        # an "@" it cannot match, and leaving it out finds the same links several times faster
        self.link_no_email = re.compile(f"{_SCHEME_OR_WWW}|{_DOMAIN}", re.IGNORECASE)
        # a dot, then a letter (most dots in a text are followed by a digit or a space): quick to find
        self.tld_hint = re.compile(rf"\.(?=[A-Za-z])(?:{_TLD})(?![A-Za-z0-9-])", re.IGNORECASE)
        self.phone_param = re.compile(
            r"[?&#](?:tel|phone|mobile|mob|call|hotline|number)=(\+?\d[\d-]{4,19})", re.I
        )
        self.digits = re.compile(r"\d{3,20}")
        self.latin = re.compile(r"[a-z]{2,}")
        self.host = re.compile(r"^(?:https?://)?(?:[^@/]*@)?([^/?#:]+)", re.I)
        # public lines run sites named for their number alone (12306.cn, 10086.cn, 12315.cn); a fake
        # adds words or takes another ending: 95588-icbc.cc, 10086-jf.top
        self.named_for_number = re.compile(r"\d{5,8}\.(?:cn|com\.cn|gov\.cn|net\.cn|org\.cn|com)")


_patterns = functools.cache(_Patterns)


def link_spans(text: str, /) -> list[tuple[int, int]]:
    """``(start, end)`` of every link in ``text``, in order."""
    if "." not in text and "://" not in text:  # every link has a dot, bar a scheme with a dotless host
        return []
    patterns = _patterns()
    if "@" not in text and "://" not in text and patterns.tld_hint.search(text) is None:
        return []  # no scheme, no e-mail, no domain ending: the full pattern would find nothing
    return [m.span() for m in (patterns.link if "@" in text else patterns.link_no_email).finditer(text)]


def phone_params(link: str, /) -> list[tuple[int, int]]:
    """Spans (within ``link``) of phone numbers passed as query parameters."""
    return [m.span(1) for m in _patterns().phone_param.finditer(link)]


@functools.lru_cache(maxsize=8)
def _brand_words(allowlist: Allowlist) -> frozenset[str]:
    """Latin-script aliases of four letters or more ("icbc", "alipay"): found inside a domain,
    they say the link poses as that organisation."""
    return frozenset(
        key for key, _ in allowlist.alias_keys.items() if key.isascii() and key.isalpha() and len(key) >= 4
    )


_TWO_LEVEL = frozenset({"com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "com.hk", "co.uk"})


def site_of(link: str, /) -> str:
    """The registrable domain of a link: ``"https://www.icbc.com.cn/x"`` → ``"icbc.com.cn"``."""
    m = _patterns().host.match(link)
    labels = (m.group(1) if m else link).lower().rstrip(".").split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_LEVEL else 2
    return ".".join(labels[-keep:])


@functools.lru_cache(maxsize=8)
def _official_sites(allowlist: Allowlist) -> frozenset[str]:
    """The sites the allowlist's evidence shows as organisations' own (official-site sources)."""
    sites = set()
    for entry in allowlist.numbers:
        for source in entry.sources:
            url = getattr(source, "url", None) or (source.where if source.where.startswith("http") else None)
            if source.kind == "official-site" and url:
                sites.add(site_of(url))
    return frozenset(sites)


def link_flags(text: str, allowlist: Allowlist, /) -> list[Reason]:
    """A reason for each link that carries an official number or a brand's name in its address
    while not being one of the organisations' own sites, in order."""
    found: list[Reason] = []
    brands = _brand_words(allowlist)
    official = _official_sites(allowlist)
    for start, end in link_spans(text):
        link = text[start:end]
        site = site_of(link)
        if site in official or _patterns().named_for_number.fullmatch(site):
            continue
        params = phone_params(link)
        address = link.lower()
        for p_start, p_end in reversed(params):  # a number passed to a dialler is judged on its own
            address = address[:p_start] + address[p_end:]
        number = next(
            (d for d in _patterns().digits.findall(address) if allowlist.active(d) is not None), None
        )
        if number is not None:
            entry = allowlist.active(number)
            assert entry is not None
            found.append(
                reason(
                    "link-carries-number",
                    link=link,
                    number=number,
                    org_zh=entry.org.name.zh,
                    org_en=entry.org.name.en,
                )
            )
            continue
        brand = next((w for w in _patterns().latin.findall(address) if w in brands), None)
        if brand is not None:
            org = allowlist.alias_keys[brand]
            found.append(reason("link-names-brand", link=link, org_zh=org.name.zh, org_en=org.name.en))
    return found
