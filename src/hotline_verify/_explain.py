"""Explanations for a person, in Chinese or English.

An explanation says what the number is, why it is safe or risky, which official
number to call instead (with hours), how to check it in the official app, and what
never to give out.
"""

from __future__ import annotations

import reprlib
from typing import TYPE_CHECKING

from ._model import NumberKind, Risk, Status, Text

if TYPE_CHECKING:
    from ._verdict import Verdict

__all__ = ["STATUS_LABELS", "render"]

STATUS_LABELS = {
    Status.OFFICIAL: Text("官方号码", "official number"),
    Status.LOOKALIKE: Text("仿冒号码（模仿官方号码）", "lookalike of an official number"),
    Status.UNOFFICIAL: Text("非官方号码", "not an official number"),
    Status.UNKNOWN: Text("无法确认", "unknown"),
    Status.INVALID: Text("不是可识别的电话号码", "not a readable phone number"),
}
RISK_LABELS = {Risk.LOW: Text("低", "low"), Risk.MEDIUM: Text("中", "medium"), Risk.HIGH: Text("高", "high")}
KIND_LABELS = {
    NumberKind.ENTERPRISE_400: Text("400 企业号码", "400 enterprise number"),
    NumberKind.TOLL_FREE_800: Text("800 免费电话", "800 toll-free number"),
    NumberKind.SERVICE_95: Text("95 全国服务号码", "95 nationwide service number"),
    NumberKind.LOCAL_96: Text("96 地方服务号码", "96 local service number"),
    NumberKind.CARRIER_10: Text("10 运营商/持证服务号码", "10 carrier or licensed-service number"),
    NumberKind.PUBLIC_12: Text("12 公共服务号码", "12 public-service number"),
    NumberKind.POSTAL_11: Text("11 邮政/公共服务号码", "11 postal or public-service number"),
    NumberKind.EMERGENCY: Text("紧急求助号码", "emergency number"),
    NumberKind.MOBILE: Text("手机号码", "mobile number"),
    NumberKind.LANDLINE: Text("固定电话", "landline"),
    NumberKind.LOCAL_LANDLINE: Text("没有区号的固定电话", "landline without area code"),
    NumberKind.AREA_CODE_SHORT: Text("区号加服务号码", "area code plus a service number"),
    NumberKind.SMS_PORT: Text("短信端口号", "SMS sender port"),
    NumberKind.INTERNATIONAL: Text("境外号码", "number abroad"),
    NumberKind.OTHER: Text("格式不常见的号码", "number of an unusual format"),
}
NEVER = Text(
    "切记：真正的客服不会索要银行卡号、密码或短信验证码，不会让你把钱转到“安全账户”，也不会让你“提高额度”才能退款。",
    "Never: genuine staff never ask for a card number, a password or an SMS verification code, never ask you to "
    'move money to a "safe account", and never ask you to raise a credit limit to receive a refund.',
)
# the grade of the number itself, or of the official number a lookalike imitates
_EVIDENCE_HEAD = {
    False: Text("证据等级", "Evidence grade"),
    True: Text("被模仿号码的证据等级", "Evidence grade of the number it imitates"),
}
_HEAD = {
    "zh": ("结论", "风险", "号码", "原因", "官方号码", "在 App 里核对", "参考案例"),
    "en": ("Verdict", "risk", "Number", "Why", "Official numbers", "Check in the app", "Documented case"),
}


def render(v: Verdict, lang: str = "zh") -> str:
    if not isinstance(lang, str) or lang not in _HEAD:
        raise ValueError(f'lang must be "zh" or "en", not {reprlib.repr(lang)}')
    verdict_h, risk_h, number_h, why_h, call_h, app_h, case_h = _HEAD[lang]
    sep = "：" if lang == "zh" else ": "
    status = STATUS_LABELS[v.status].get(lang)
    risk = RISK_LABELS[v.risk].get(lang)
    lines = [
        f"{verdict_h}{sep}{status}（{risk_h}{sep}{risk}）"
        if lang == "zh"
        else f"{verdict_h}{sep}{status} ({risk_h}{sep}{risk})"
    ]
    if v.normalized is not None:
        kind = f" — {KIND_LABELS[v.kind].get(lang)}" if v.kind is not None else ""
        lines.append(f"{number_h}{sep}{v.normalized}{kind}")
    if v.evidence is not None:
        about = _EVIDENCE_HEAD[v.status is Status.LOOKALIKE].get(lang)
        lines.append(f"{about}{sep}{v.evidence.zh if lang == 'zh' else v.evidence.en}")
    lines.append(f"{why_h}{sep.rstrip()}")
    lines += [f"- {r.message(lang)}" for r in v.reasons]
    if v.suggested:
        lines.append(f"{call_h}{sep.rstrip()}")
        colon, semicolon = ("：", "；") if lang == "zh" else (": ", "; ")
        for n in v.suggested:
            hours = f"{semicolon}{n.hours.get(lang)}" if n.hours else ""
            lines.append(f"- {n.number} — {n.org.name.get(lang)}{colon}{n.service.get(lang)}{hours}")
    paths = [n.in_app.get(lang) for n in v.suggested if n.in_app]
    if paths:
        lines.append(f"{app_h}{sep}" + ("；" if lang == "zh" else "; ").join(dict.fromkeys(paths)))
    for case in v.cases[:1]:
        lines.append(f"{case_h}{sep}{case.summary.get(lang)}")
    if v.status is not Status.INVALID or (v.reasons and v.reasons[0].code == "invalid-masked"):
        lines.append(NEVER.get(lang))
    return "\n".join(lines)
