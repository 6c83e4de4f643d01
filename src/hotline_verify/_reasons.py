"""Every reason a verdict can give: a stable code, a Chinese and an English message.

Codes never change meaning once released; the messages may be reworded. ``CATALOGUE``
is the single list the documentation's table is generated from.

>>> r = reason("lookalike", number="95181", official="95188", org_en="Alipay", org_zh="支付宝",
...            how_en="two adjacent digits swapped: 8 and 1", how_zh="相邻两位数字对调：8 和 1")
>>> r.message_en
'95181 is not an official number: it imitates 95188 (Alipay) — two adjacent digits swapped: 8 and 1.'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ._model import NumberKind, Reason

__all__ = ["CATALOGUE", "FAKE_400_CASE", "WRONG_LINE_CASE", "kind_reason", "reason"]

FAKE_400_CASE = "fake-400-search"
WRONG_LINE_CASE = "wrong-line"

# code: (Chinese template, English template, documented case or None)
CATALOGUE: Mapping[str, tuple[str, str, str | None]] = MappingProxyType(
    {
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
)

# What each kind of number means for risk (code "kind-<kind>").
KIND_NOTES: Mapping[NumberKind, tuple[str, str]] = MappingProxyType(
    {
        NumberKind.ENTERPRISE_400: (
            "这是 400 企业号码：任何有营业执照的企业都能租用，号码本身说明不了是谁的。",
            "This is a 400 enterprise number: any business with a licence can rent one, so the number alone says "
            "nothing about who answers.",
        ),
        NumberKind.TOLL_FREE_800: (
            "这是 800 免费电话：和 400 一样可以由任何企业租用。",
            "This is an 800 toll-free number: like a 400 number, any business can rent one.",
        ),
        NumberKind.SERVICE_95: (
            "这是 95 开头的全国服务号码，由主管部门分配；不在名单里的 95 号码也可能属于某家小公司。",
            "This is a 95 nationwide service number allocated by the regulator; an unlisted one may belong to any "
            "small firm.",
        ),
        NumberKind.LOCAL_96: (
            "这是 96 开头的地方服务号码，只在某个城市有效，需要结合区号判断归属。",
            "This is a 96 local service number: it only means something together with its city's area code.",
        ),
        NumberKind.CARRIER_10: (
            "这是 10 开头的运营商或持证服务号码。",
            "This is a 10 number of a carrier or a licensed service.",
        ),
        NumberKind.PUBLIC_12: ("这是 12 开头的公共服务号码。", "This is a 12 public-service number."),
        NumberKind.POSTAL_11: (
            "这是 11 开头的邮政或公共服务号码。",
            "This is an 11 postal or public-service number.",
        ),
        NumberKind.EMERGENCY: ("这是紧急求助号码。", "This is an emergency number."),
        NumberKind.MOBILE: (
            "这是个人手机号码；正规企业的客服热线不会是个人手机号。",
            "This is a personal mobile number; a company's customer-service line is never a personal mobile.",
        ),
        NumberKind.LANDLINE: ("这是固定电话号码。", "This is a landline number."),
        NumberKind.LOCAL_LANDLINE: (
            "这像是没有区号的固定电话号码，无法判断属于哪个城市。",
            "This looks like a landline number without its area code, so its city cannot be told.",
        ),
        NumberKind.AREA_CODE_SHORT: (
            "这是在服务号码前面加了区号的写法；全国统一的服务号码不需要区号。",
            "This is a service number with an area code in front; nationwide service numbers take no area code.",
        ),
        NumberKind.SMS_PORT: (
            "这是短信端口号，只用来发短信，不能拨打。",
            "This is an SMS sender port: it only sends messages and cannot be called.",
        ),
        NumberKind.INTERNATIONAL: (
            "这是境外号码；国内企业的客服热线不会是境外号码。",
            "This is a number abroad; a mainland company's customer-service line is not a foreign number.",
        ),
        NumberKind.OTHER: ("这个号码的格式不常见。", "This number has an unusual format."),
    }
)


def reason(code: str, /, **fields: Any) -> Reason:
    """Build the reason ``code`` with its message fields filled in."""
    zh, en, case = CATALOGUE[code]
    return Reason(code, zh.format(**fields), en.format(**fields), case)


def kind_reason(kind: NumberKind, /, *, claimed: bool = False) -> Reason:
    zh, en = KIND_NOTES[kind]
    case = (
        FAKE_400_CASE if claimed and kind in (NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800) else None
    )
    return Reason(f"kind-{kind.value}", zh, en, case)
