"""Every sentence hotline_verify shows a person, in Chinese and in English, under a stable code.

One place for the wording: verdicts, explanations, chatbot replies and error details all
ask this catalogue. Keys:

- reason codes (``official``, ``lookalike`` …, ``kind-<kind>``) carry the documented case
  their reason rests on;
- ``invalid.<error>``: why a text is not a readable number;
- ``label.*`` and ``head.*``: the words of an explanation; ``evidence.*``: the evidence grades;
- ``how.*`` and ``where.*``: how a lookalike differs from the number it imitates;
- ``reply.*`` and ``never*``: the lines of a chatbot reply.

Placeholders are named. A field that differs by language ends in ``_zh`` or ``_en``, and the
Chinese template uses the ``_zh`` one where the English uses the ``_en`` one; any other field
appears in both.

>>> say("reply.lookalike", "en", org="Alipay", official="95188")
'lookalike: it imitates 95188 (Alipay). Call 95188 only.'
>>> check_lang("fr")
Traceback (most recent call last):
...
ValueError: lang must be "zh" or "en", not 'fr'
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

__all__ = [
    "FAKE_400_CASE",
    "LANGS",
    "MESSAGES",
    "REASON_CODES",
    "WRONG_LINE_CASE",
    "Message",
    "check_lang",
    "say",
    "texts",
]

LANGS = ("zh", "en")
FAKE_400_CASE = "fake-400-search"
WRONG_LINE_CASE = "wrong-line"


class Message(NamedTuple):
    """One sentence (or label) in both languages, and the documented case a reason rests on."""

    zh: str
    en: str
    case: str | None = None


def check_lang(lang: object, /) -> str:
    """``lang`` itself when it is a supported language; otherwise a short ``ValueError``."""
    if not isinstance(lang, str) or lang not in LANGS:
        raise ValueError(f'lang must be "zh" or "en", not {reprlib.repr(lang)}')
    return lang


# Reasons a verdict gives: code -> (Chinese, English, documented case or None).
# Codes never change meaning once released; the wording may change.
_REASONS: dict[str, tuple[str, str, str | None]] = {
    "official": (
        "{number} 是{org_zh}的官方号码：{service_zh}。依据：{evidence_zh}。",
        "{number} is an official number of {org_en}: {service_en}. Evidence: {evidence_en}.",
        None,
    ),
    "evidence-listed": (
        "{number} 只见于社区整理的号码表，没有找到{org_zh}自己或政府网站的公布。拨打之前，请在{org_zh}的官方 App "
        "或官网的“联系我们”页面核对这个号码。",
        "Only a community-compiled list vouches for {number}; no page of {org_en} or of a government site was "
        'found giving it. Before calling, check it on the "contact us" page of the official {org_en} app or '
        "website.",
        None,
    ),
    "official-other-org": (
        "{number} 是官方号码，但属于{org_zh}，不是{claimed_zh}。{claimed_zh}的问题请打 {suggest}。",
        "{number} is official, but it belongs to {org_en}, not {claimed_en}. For {claimed_en}, call {suggest}.",
        WRONG_LINE_CASE,
    ),
    "official-other-org-unlisted": (
        "{number} 是官方号码，但属于{org_zh}，不是{claimed_zh}。名单里没有{claimed_zh}的号码，请在它的官方 App 或官网里查。",
        "{number} is official, but it belongs to {org_en}, not {claimed_en}. The allowlist has no number for "
        "{claimed_en}: look it up in its official app or website.",
        WRONG_LINE_CASE,
    ),
    "group-line": (
        "{number} 是{org_zh}的官方号码，{claimed_zh}属于同一集团，没有自己单列的号码，可以通过这条线接入。",
        "{number} is an official number of {org_en}; {claimed_en} belongs to the same group, has no line of its "
        "own in the allowlist, and is reached through this one.",
        None,
    ),
    "area-code-kept": (
        "前面的 {prefix} 是区号；{number} 在各城市本地接听，加区号拨打没有问题。",
        "{prefix} in front is an area code; {number} is answered locally in every city, so dialling it with an "
        "area code is fine.",
        None,
    ),
    "extension": (
        "号码后面的 {extension} 是分机号或语音菜单按键，判断只看主号码。",
        "{extension} after the number is an extension or a menu key; the verdict is about the main number.",
        None,
    ),
    "retired": (
        "{number} 曾是{org_zh}的号码，现已停用{replacement_zh}。停用的号码可能已经分配给别人，不要拨打。",
        "{number} used to be a number of {org_en} and is no longer in use{replacement_en}. A retired number may "
        "now belong to someone else; do not call it.",
        None,
    ),
    "known-fake": (
        "{number} 是有记录的诈骗号码，曾被用来冒充{org_zh}。{note_zh}",
        "{number} is a documented scam number that has posed as {org_en}. {note_en}",
        None,
    ),
    "wrong-attribution": (
        "一些公开名单把 {number} 错标为{org_zh}的号码；实际持有者：{actual_zh}。{note_zh}",
        "Some public lists wrongly give {number} as a number of {org_en}; it is really held by {actual_en}. "
        "{note_en}",
        None,
    ),
    "lookalike": (
        "{number} 不是官方号码，它在模仿{org_zh}的 {official}——{how_zh}。",
        "{number} is not an official number: it imitates {official} ({org_en}) — {how_en}.",
        FAKE_400_CASE,
    ),
    "area-code-spoof": (
        "{number} 是在全国统一号码 {official}（{org_zh}）前面加了区号 {prefix}。全国统一号码不需要区号；"
        "骗子常这样伪装来电显示。",
        "{number} puts the area code {prefix} in front of {official} ({org_en}), a nationwide number that "
        "takes no area code; scammers dress up caller IDs this way.",
        FAKE_400_CASE,
    ),
    "international-spoof": (
        "{number} 是在 {official}（{org_zh}）前面加了“{prefix}”。带“+”或“00”的是境外来电（例如 +95 是缅甸），"
        "不是这条国内热线。",
        '{number} puts "{prefix}" in front of {official} ({org_en}). A "+" or "00" marks a call from abroad '
        "(+95 is Myanmar), not this domestic hotline.",
        FAKE_400_CASE,
    ),
    "letter-for-digit": (
        "号码里有字母冒充数字：{letters_zh}。在带字母的键盘上这些字母拨出的是别的数字，官方号码从不这样写。",
        "The number has letters posing as digits: {letters_en}. On a keypad with letters they dial other digits, "
        "and official numbers are never written this way.",
        FAKE_400_CASE,
    ),
    "unofficial-claim": (
        "{number} 不在{claimed_zh}的官方号码之列。{claimed_zh}的官方号码：{suggest}。",
        "{number} is not among the official numbers of {claimed_en}. Official numbers of {claimed_en}: {suggest}.",
        FAKE_400_CASE,
    ),
    "claim-without-numbers": (
        "{number} 不在官方号码名单里。名单里没有{claimed_zh}的号码，请在{claimed_zh}的官方 App 或官网里查找，"
        "不要用搜索结果或陌生人给的号码。",
        "{number} is not in the allowlist, which has no number for {claimed_en}. Look the number up in "
        "{claimed_en}'s official app or website, never in search results or from a stranger.",
        FAKE_400_CASE,
    ),
    "allowlist-override": (
        "注意：{number} 在 {origin} 中属于{org_zh}，而{base_zh}把它列为{base_org_zh}的号码；本结论按 {origin} 判断。",
        "Note: {origin} gives {number} to {org_en}, while {base_en} gives it to {base_org_en}; this verdict "
        "follows {origin}.",
        None,
    ),
    "unknown-claim": (
        "没有找到名为“{claimed}”的机构，无法核对它的官方号码。",
        'No organisation called "{claimed}" is in the allowlist, so its official numbers cannot be checked.',
        None,
    ),
    "folded-digits": (
        "号码里有其他文字的数字（{chars}），已按普通数字读取；正规渠道很少这样写号码。",
        "The number has digits of another script ({chars}); they were read as ordinary digits. Genuine sources "
        "rarely write numbers this way.",
        None,
    ),
    "invisible-characters": (
        "号码里藏着看不见的字符（{chars}），已去掉。这常被用来躲过过滤。",
        "The number hides invisible characters ({chars}); they were removed. They are often used to slip past "
        "filters.",
        None,
    ),
    "secondary-prefix": (
        "前面的 {prefix} 是副号业务前缀，已去掉后判断号码本身。",
        "{prefix} in front is a secondary-number prefix; it was removed and the number itself judged.",
        None,
    ),
    "sms-port-embeds": (
        "这是短信端口号，不能拨打；其中含有 {official}（{org_zh}）。要联系{org_zh}，请自己拨打 {official}。",
        "This is an SMS sender port and cannot be called; it contains {official} ({org_en}). To reach {org_en}, "
        "dial {official} yourself.",
        None,
    ),
    "caller-id-spoofable": (
        "来电显示可以伪造：屏幕上显示官方号码也证明不了什么。请挂断，自己拨打官方号码核实。",
        "Caller ID can be spoofed: an official number on the screen proves nothing. Hang up and dial the official "
        "number yourself.",
        None,
    ),
    "incoming-400": (
        "正规企业的 400 号码只接听来电，不用来往外打；政府部门也从不使用 400 号码。",
        "Genuine companies' 400 lines take calls, they do not make them; government bodies never use 400 numbers.",
        None,
    ),
    # Red flags: found by scan() in the words around a number, whatever the number is.
    "red-flag-sms-code": (
        "消息里提到“{word}”：真正的客服从不索要短信验证码，索要验证码的几乎都是骗子。",
        'The message mentions "{word}": genuine staff never ask for an SMS verification code; whoever asks for '
        "one is almost always a scammer.",
        FAKE_400_CASE,
    ),
    "red-flag-card-number": (
        "消息里提到“{word}”：真正的客服处理退款和售后不需要你的银行卡号。",
        'The message mentions "{word}": genuine staff do not need your bank card number to handle a refund or an '
        "after-sales case.",
        FAKE_400_CASE,
    ),
    "red-flag-password": (
        "消息里提到“{word}”：任何正规机构都不会向你索要密码。",
        'The message mentions "{word}": no genuine organisation ever asks for your password.',
        FAKE_400_CASE,
    ),
    "red-flag-safe-account": (
        "消息里提到“{word}”：根本不存在“安全账户”，让你把钱转进去的都是骗子。",
        'The message mentions "{word}": there is no such thing as a safe account; whoever asks you to move '
        "money into one is a scammer.",
        FAKE_400_CASE,
    ),
    "red-flag-credit-limit": (
        "消息里提到“{word}”：正规退款从不需要你先提高额度、借钱或刷流水。",
        'The message mentions "{word}": a genuine refund never needs you to raise a credit limit, borrow or run '
        "transactions first.",
        FAKE_400_CASE,
    ),
    "red-flag-screen-sharing": (
        "消息里提到“{word}”：共享屏幕或远程控制会让对方看到你的验证码和密码，真正的客服不会这样要求。",
        'The message mentions "{word}": sharing your screen or allowing remote control lets the other side see '
        "your codes and passwords; genuine staff never ask for it.",
        FAKE_400_CASE,
    ),
    "red-flag-other-app": (
        "消息里提到“{word}”：真正的客服只在官方 App 和官方热线里处理问题，不会让你加 QQ、微信或下载会议软件。",
        'The message mentions "{word}": genuine staff handle your case in the official app or on the official '
        "hotline, never by moving you to QQ, WeChat or a meeting app.",
        FAKE_400_CASE,
    ),
    # Found by scan_html() in a page's markup, whatever the number is.
    "link-target-differs": (
        "链接上显示的是 {shown}，点击后实际联系的却是 {target}。页面显示一个号码、拨打另一个号码，是冒充官方号码的手法。",
        "The link shows {shown}, but tapping it reaches {target}. A page that shows one number and dials another "
        "is passing off a number as the one it shows.",
        None,
    ),
    "invalid": (
        "无法读取这个号码：{detail_zh}",
        "This cannot be read as a phone number: {detail_en}",
        None,
    ),
    "near-allocated": (
        "{number} 与{org_zh}的 {official} 只差一位。这类号码由主管部门分配给单个机构，骗子租不到，"
        "它很可能是另一家登记机构的号码；如果你要找{org_zh}，请打 {official}。",
        "{number} is one digit from {official} ({org_en}). Numbers of this kind are allocated by the regulator "
        "to one organisation and cannot be rented, so it is most likely another registered organisation's "
        "line; if you want {org_en}, call {official}.",
        None,
    ),
    "short-code-abroad": (
        "{number} 前面的 +86 是中国的国家代码；这个服务号码在境外不能这样拨打，在国内直接拨 {number}。",
        "+86 in front of {number} is China's country code; this service number cannot be dialled that way from "
        "abroad; within China, dial {number} as it is.",
        None,
    ),
    "link-carries-number": (
        "消息里的链接 {link} 把{org_zh}的官方号码 {number} 放进了网址。正规机构的网站不会这样起名，这是仿冒网站的常见手法；"
        "不要点开，请自己打开官方 App 或拨打官方号码。",
        "The link {link} puts {number}, an official number of {org_en}, in its address. Genuine sites are not "
        "named that way; it is a common mark of a fake site. Do not open it: use the official app or dial the "
        "official number yourself.",
        FAKE_400_CASE,
    ),
    "link-names-brand": (
        "消息里的链接 {link} 借用了{org_zh}的名字，但不是它的官方网站。不要点开，请自己打开官方 App。",
        "The link {link} borrows the name of {org_en} but is not its official site. Do not open it: use the "
        "official app yourself.",
        FAKE_400_CASE,
    ),
    "person-not-line": (
        "这是个人手机号：文中说它属于快递员、骑手或司机这样为{org_zh}干活的人，而不是{org_zh}的客服热线。"
        "如有疑问，请在{org_zh}的官方 App 里查看订单上的联系人。",
        "This is a personal mobile: the text gives it to a person doing a job for {org_en}, such as a courier, "
        "rider or driver, not to {org_en}'s customer-service line. If in doubt, check the contact on the order "
        "in {org_en}'s official app.",
        None,
    ),
    "message-not-number": (
        "这是一段消息，不是一个号码：里面有 {count} 个号码（{numbers}）。请逐个核对，或用 scan() 一次判断全部。",
        "This is a message, not one number: it holds {count} numbers ({numbers}). Check them one by one, or "
        "use scan() to judge them all.",
        None,
    ),
    "not-listed": (
        "{number} 不在官方号码名单里；名单只能证明在册的号码。",
        "{number} is not in the allowlist of official numbers; the list can only vouch for the numbers in it.",
        None,
    ),
}

# What each kind of number means for risk (reason code "kind-<kind>").
_KIND_NOTES: dict[str, tuple[str, str]] = {
    "kind-enterprise-400": (
        "这是 400 企业号码：任何有营业执照的企业都能租用，号码本身说明不了是谁的。",
        "This is a 400 enterprise number: any business with a licence can rent one, so the number alone says "
        "nothing about who answers.",
    ),
    "kind-toll-free-800": (
        "这是 800 免费电话：和 400 一样可以由任何企业租用。",
        "This is an 800 toll-free number: like a 400 number, any business can rent one.",
    ),
    "kind-service-95": (
        "这是 95 开头的全国服务号码，由主管部门分配；不在名单里的 95 号码也可能属于某家小公司。",
        "This is a 95 nationwide service number allocated by the regulator; an unlisted one may belong to any "
        "small firm.",
    ),
    "kind-local-96": (
        "这是 96 开头的地方服务号码，只在某个城市有效，需要结合区号判断归属。",
        "This is a 96 local service number: it only means something together with its city's area code.",
    ),
    "kind-carrier-10": (
        "这是 10 开头的运营商或持证服务号码。",
        "This is a 10 number of a carrier or a licensed service.",
    ),
    "kind-public-12": ("这是 12 开头的公共服务号码。", "This is a 12 public-service number."),
    "kind-postal-11": (
        "这是 11 开头的邮政或公共服务号码。",
        "This is an 11 postal or public-service number.",
    ),
    "kind-emergency": ("这是紧急求助号码。", "This is an emergency number."),
    "kind-mobile": (
        "这是个人手机号码；正规企业的客服热线不会是个人手机号。",
        "This is a personal mobile number; a company's customer-service line is never a personal mobile.",
    ),
    "kind-landline": ("这是固定电话号码。", "This is a landline number."),
    "kind-local-landline": (
        "这像是没有区号的固定电话号码，无法判断属于哪个城市。",
        "This looks like a landline number without its area code, so its city cannot be told.",
    ),
    "kind-area-code-short": (
        "这是在服务号码前面加了区号的写法；全国统一的服务号码不需要区号。",
        "This is a service number with an area code in front; nationwide service numbers take no area code.",
    ),
    "kind-sms-port": (
        "这是短信端口号，只用来发短信，不能拨打。",
        "This is an SMS sender port: it only sends messages and cannot be called.",
    ),
    "kind-international": (
        "这是境外号码；国内企业的客服热线不会是境外号码。",
        "This is a number abroad; a mainland company's customer-service line is not a foreign number.",
    ),
    "kind-other": ("这个号码的格式不常见。", "This number has an unusual format."),
}

# Why a text is not a readable number (reason code "invalid-<error>"; the English alone is the
# message of InvalidNumber).
_INVALID: dict[str, tuple[str, str]] = {
    "invalid.empty": ("号码是空的。", "The number is empty."),
    "invalid.no-digits": (
        "里面没有数字，不是电话号码。",
        "The text has no digits, so it is not a phone number.",
    ),
    "invalid.too-short": ("数字太少，不是电话号码。", "The number has too few digits to be a phone number."),
    "invalid.too-long": ("内容太长，不是一个电话号码。", "The text is too long to be one phone number."),
    "invalid.masked": (
        "号码被打了码（数字换成了 X 或 *），无法核对；打码的号码不可能是可拨打的官方号码。",
        "The number is masked (digits replaced by X or *), so it cannot be checked.",
    ),
    "invalid.letters": (
        "应该是数字的地方出现了文字，不是电话号码。",
        "The text has letters where digits should be, so it is not a phone number.",
    ),
    "invalid.format": (
        "这些数字不符合任何已知的电话号码格式。",
        "The digits do not form a phone number in any known format.",
    ),
}

_TEXTS: dict[str, tuple[str, str]] = {
    # normalize() refusing a letter that stands for a digit
    "letter-in-number": (
        "号码里应该是数字的地方出现了字母 {letter}；官方号码从不用字母书写。",
        "The number has the letter {letter} where a digit should be; official numbers are never written "
        "with letters.",
    ),
    # the evidence grades of an official number
    "evidence.verified": (
        "已核实（该机构自己的网站或政府网站公布了这个号码）",
        "verified (the organisation's own site or a government site publishes it)",
    ),
    "evidence.corroborated": (
        "有佐证（新闻报道或两个相互独立的来源给出了这个号码）",
        "corroborated (a news report or two independent sources give it)",
    ),
    "evidence.listed": ("仅见于社区整理的号码表", "listed (only a community-compiled list carries it)"),
    # the words of an explanation
    "label.status.official": ("官方号码", "official number"),
    # call-blocker rules: why a number is allowed or a space blocked
    "blocker.allow": ("官方号码（{grade}）", "official number ({grade})"),
    "blocker.allow-form": ("{number} 的公布形式（{grade}）", "published form of {number} ({grade})"),
    "blocker.rentable": ("任何企业都可租用", "any business can rent one"),
    "blocker.marketing": ("常用于营销外呼", "used for marketing and outbound calls"),
    "blocker.not-callable": ("不能回拨", "cannot be called back"),
    "blocker.no-outbound": ("正规企业不用它外呼", "genuine companies do not call out from one"),
    "label.status.lookalike": ("仿冒号码（模仿官方号码）", "lookalike of an official number"),
    "label.status.unofficial": ("非官方号码", "not an official number"),
    "label.status.unknown": ("无法确认", "unknown"),
    "label.status.invalid": ("不是可识别的电话号码", "not a readable phone number"),
    "label.risk.low": ("低", "low"),
    "label.risk.medium": ("中", "medium"),
    "label.risk.high": ("高", "high"),
    "label.kind.enterprise-400": ("400 企业号码", "400 enterprise number"),
    "label.kind.toll-free-800": ("800 免费电话", "800 toll-free number"),
    "label.kind.service-95": ("95 全国服务号码", "95 nationwide service number"),
    "label.kind.local-96": ("96 地方服务号码", "96 local service number"),
    "label.kind.carrier-10": ("10 运营商/持证服务号码", "10 carrier or licensed-service number"),
    "label.kind.public-12": ("12 公共服务号码", "12 public-service number"),
    "label.kind.postal-11": ("11 邮政/公共服务号码", "11 postal or public-service number"),
    "label.kind.emergency": ("紧急求助号码", "emergency number"),
    "label.kind.mobile": ("手机号码", "mobile number"),
    "label.kind.landline": ("固定电话", "landline"),
    "label.kind.local-landline": ("没有区号的固定电话", "landline without area code"),
    "label.kind.area-code-short": ("区号加服务号码", "area code plus a service number"),
    "label.kind.sms-port": ("短信端口号", "SMS sender port"),
    "label.kind.international": ("境外号码", "number abroad"),
    "label.kind.other": ("格式不常见的号码", "number of an unusual format"),
    "label.packaged-list": ("内置名单", "the packaged allowlist"),
    "label.evidence": ("证据", "evidence"),
    "label.source": ("来源", "source"),
    "head.verdict": ("结论", "Verdict"),
    "head.risk": ("风险", "risk"),
    "head.number": ("号码", "Number"),
    "head.why": ("原因", "Why"),
    "head.official": ("官方号码", "Official numbers"),
    "head.in-app": ("在 App 里核对", "Check in the app"),
    "head.case": ("参考案例", "Documented case"),
    "head.evidence": ("证据等级", "Evidence grade"),
    "head.evidence-imitated": ("被模仿号码的证据等级", "Evidence grade of the number it imitates"),
    # how a lookalike differs from the official number (filling {how_zh}/{how_en} of "lookalike")
    "how.prefix-swap": (
        "用 {prefix} 换掉了 {official_prefix}，后面的号码相同",
        "{prefix} in place of {official_prefix}, with the same digits after it",
    ),
    "how.substitution": (
        "改了一位数字：第 {position} 位的 {old} 变成了 {new}",
        "one digit changed: {old} became {new} at position {position}",
    ),
    "how.substitution-keypad": (
        "改了一位数字：第 {position} 位的 {old} 变成了 {new}（键盘上相邻，最容易按错）",
        "one digit changed: {old} became {new} at position {position} (neighbours on the keypad, the "
        "likeliest misdial)",
    ),
    "how.transposition": (
        "相邻两位数字对调：{first} 和 {second}",
        "two adjacent digits swapped: {first} and {second}",
    ),
    "how.omission": ("少了一位数字 {digit}（{where_zh}）", "the digit {digit} is missing ({where_en})"),
    "how.repetition": ("数字 {digit} 多按了一次", "the digit {digit} is doubled"),
    "how.insertion": ("多了一位数字 {digit}（{where_zh}）", "an extra digit {digit} ({where_en})"),
    "how.two-edits": (
        "和官方号码只差两处（{where_zh}附近）",
        "two changes from the official number (around position {where_en})",
    ),
    "how.embedded": (
        "官方号码 {official} 后面多接了 {tail}",
        "the official {official} with {tail} added after it",
    ),
    "how.letters": ("用字母代替了数字", "letters in place of digits"),
    "where.start": ("在开头", "at the start"),
    "where.end": ("在末尾", "at the end"),
    "where.position": ("在第 {position} 位", "at position {position}"),
    "where.nth": ("第 {position} 位", "{position}"),
    # filling {replacement_zh}/{replacement_en} of "retired"
    "retired.replacement": ("，请改打 {numbers_zh}", "; call {numbers_en} instead"),
    # a chatbot reply: one line per number …
    "reply.official": ("{org}的官方号码（{service}）。", "official number of {org} ({service})."),
    "reply.not-theirs": ("但它不属于{name}。", " It is not {name}'s."),
    "reply.call-theirs": ("{name}的官方号码：{numbers}。", " Official numbers of {name}: {numbers}."),
    "reply.find-theirs": (
        "{name}的号码请在其官方 App 或官网里查。",
        " Look {name}'s number up in its official app or website.",
    ),
    "reply.lookalike": (
        "仿冒号码，模仿{org}的 {official}。请只拨打 {official}。",
        "lookalike: it imitates {official} ({org}). Call {official} only.",
    ),
    "reply.lookalike-letters": (
        "仿冒号码：用字母冒充数字，不是官方号码。",
        "lookalike: letters pose as digits; it is not an official number.",
    ),
    "reply.retired": (
        "已停用的旧号码（曾属于{org}），现在可能属于别人，不要拨打。",
        "a retired number (it was {org}'s) that may now belong to someone else; do not call it.",
    ),
    "reply.retired-instead": ("请改打 {numbers}。", " Call {numbers} instead."),
    "reply.unofficial": (
        "非官方号码。它不是{name}的官方号码。",
        "not an official number. It is not {name}'s.",
    ),
    "reply.unknown": (
        "无法确认：它不在官方号码名单里。要联系企业，请在它的官方 App 或官网里查号码。",
        "unknown: it is not in the list of official numbers. To reach a company, look its number up in its "
        "official app or website.",
    ),
    "reply.masked": (
        "号码被打了码，无法核对；不要拨打来路不明的号码。",
        "the number is masked and cannot be checked; do not call numbers of unknown origin.",
    ),
    "reply.incoming": (
        "来电显示可以伪造：请挂断，自己拨打官方号码。",
        " Caller ID can be spoofed: hang up and dial the official number yourself.",
    ),
    "reply.no-number": (
        "消息里没有找到电话号码。要联系企业，请在它的官方 App 或官网里查号码。",
        "No phone number found in the message. To reach a company, look its number up in its official app "
        "or website.",
    ),
    # … then the one thing never to do: in general (an explanation ends with it too), or for the
    # red flag the message raised
    "never": (
        "切记：真正的客服不会索要银行卡号、密码或短信验证码，不会让你把钱转到“安全账户”，也不会让你“提高额度”才能退款。",
        "Never: genuine staff never ask for a card number, a password or an SMS verification code, never ask "
        'you to move money to a "safe account", and never ask you to raise a credit limit to receive a refund.',
    ),
    "never.red-flag-sms-code": (
        "切记：不要把短信验证码告诉任何人，包括自称客服的人。",
        "Never tell anyone an SMS verification code, whoever they say they are.",
    ),
    "never.red-flag-card-number": (
        "切记：不要把银行卡号告诉来电者，退款不需要它。",
        "Never give a caller your card number; a refund does not need it.",
    ),
    "never.red-flag-password": ("切记：不要把任何密码告诉任何人。", "Never tell anyone any password."),
    "never.red-flag-safe-account": (
        "切记：不要向“安全账户”转一分钱，这样的账户都是骗子的。",
        'Never move money to a "safe account"; such accounts belong to scammers.',
    ),
    "never.red-flag-credit-limit": (
        "切记：不要为了退款去提额、借钱或刷流水。",
        "Never raise a credit limit, borrow or run transactions to receive a refund.",
    ),
    "never.red-flag-screen-sharing": (
        "切记：不要共享屏幕，也不要安装对方让你装的软件。",
        "Never share your screen or install software a caller asks for.",
    ),
    "never.red-flag-other-app": (
        "切记：不要按对方要求加 QQ、微信或下载会议软件，留在官方 App 里。",
        "Never move to QQ, WeChat or a meeting app at a caller's request; stay in the official app.",
    ),
}

MESSAGES: Mapping[str, Message] = MappingProxyType(
    {
        code: Message(*entry)
        for table in (_REASONS, _KIND_NOTES, _INVALID, _TEXTS)
        for code, entry in table.items()
    }
)

# the reason codes built by reason(); kind-<kind> and invalid-<error> are built from their own entries
REASON_CODES = tuple(_REASONS)


def texts(code: str, /, **fields: Any) -> tuple[str, str]:
    """The Chinese and the English of ``code``, with ``fields`` filled in."""
    m = MESSAGES[code]
    return m.zh.format(**fields), m.en.format(**fields)


def say(code: str, lang: str, /, **fields: Any) -> str:
    """``code`` in ``lang``, with ``fields`` filled in."""
    m = MESSAGES[code]
    return (m.zh if check_lang(lang) == "zh" else m.en).format(**fields)
