"""Explanations for a person, in Chinese or English.

An explanation says what the number is, why it is safe or risky, which official
number to call instead (with hours), how to check it in the official app, and what
never to give out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._messages import MESSAGES, check_lang, say
from ._model import NumberKind, Risk, Status, Text

if TYPE_CHECKING:
    from ._verdict import Verdict

__all__ = ["KIND_LABELS", "NEVER", "STATUS_LABELS", "render"]


def _label(code: str) -> Text:
    m = MESSAGES[code]
    return Text(m.zh, m.en)


STATUS_LABELS = {s: _label(f"label.status.{s.value}") for s in Status}
RISK_LABELS = {r: _label(f"label.risk.{r.value}") for r in Risk}
KIND_LABELS = {k: _label(f"label.kind.{k.value}") for k in NumberKind}
NEVER = _label("never")
# the grade of the number itself, or of the official number a lookalike imitates
_EVIDENCE_HEAD = {False: "head.evidence", True: "head.evidence-imitated"}
_HEADS = ("head.verdict", "head.risk", "head.number", "head.why", "head.official", "head.in-app", "head.case")


def render(v: Verdict, lang: str = "zh") -> str:
    check_lang(lang)
    verdict_h, risk_h, number_h, why_h, call_h, app_h, case_h = (say(h, lang) for h in _HEADS)
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
        about = say(_EVIDENCE_HEAD[v.status is Status.LOOKALIKE], lang)
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
