"""Cite the public-service lines of a second community list, DiamonWoo/Laosheng.top.

    python scripts/import_laosheng.py

``fuwu/zhongyang.md`` of that repository (a hand-compiled directory of central
government bodies, v1.2.6, 2022-12) gives the nationwide service numbers of
ministries and of a few state companies. It was compiled independently of
metowolf/vCards, so a number both lists carry counts as two origins. The table below
is what the file says, number by number; running the script again changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_vcards import DATA, acknowledge, order

SOURCE = {
    "kind": "community-list",
    "repo": "DiamonWoo/Laosheng.top",
    "path": "fuwu/zhongyang.md",
    "commit": "4fd192d84750d31fd1080c3a045cfc8df743d17d",
    "read": "2026-11-30",
}

# new organisations: id -> (Chinese name, English name, aliases)
ORGS = {
    "court-12368": (
        "最高人民法院 12368",
        "Supreme People's Court (12368)",
        ["12368诉讼服务热线", "法院诉讼服务热线"],
    ),
    "procuratorate-12309": (
        "最高人民检察院 12309",
        "Supreme People's Procuratorate (12309)",
        ["12309检察服务热线", "检察服务热线"],
    ),
    "cdpf-12385": ("中国残联 12385", "China Disabled Persons' Federation (12385)", ["残疾人维权服务电话"]),
    "china-coast-guard": ("中国海警局", "China Coast Guard", ["海警", "海上报警电话"]),
    "ccdi-12388": (
        "中央纪委国家监委 12388",
        "CCDI / National Supervisory Commission (12388)",
        ["中央纪委", "纪检监察举报", "12388举报"],
    ),
    "org-dept-12380": ("中央组织部 12380", "Organisation Department (12380 reports)", ["12380举报"]),
    "party-12371": ("共产党员网 12371", "12371 party members' service line", ["党员咨询服务"]),
    "cac-12377": (
        "违法和不良信息举报中心 12377",
        "Illegal and harmful information reporting centre (12377)",
        ["网信办举报中心", "12377举报中心", "中央网信办举报中心"],
    ),
    "scopsr-12310": (
        "中央编办 12310",
        "Central Institutional Organisation Commission office (12310)",
        ["机构编制举报"],
    ),
    "cma-weather": (
        "中国气象局",
        "China Meteorological Administration",
        ["中国天气", "气象服务热线", "中国天气网"],
    ),
    "nfra-12378": (
        "银行保险消费者投诉 12378",
        "Banking and insurance consumer complaints (12378)",
        ["银保监会", "金融监管总局", "12378投诉"],
    ),
    "csrc-12386": ("中国证监会 12386", "China Securities Regulatory Commission (12386)", ["证监会", "CSRC"]),
    "customs-12360": (
        "海关总署 12360",
        "General Administration of Customs (12360)",
        ["海关", "12360海关热线"],
    ),
    "nhsa-12393": (
        "国家医疗保障局 12393",
        "National Healthcare Security Administration (12393)",
        ["医保局", "医保服务热线"],
    ),
    "mfa-12308": (
        "外交部领事保护 12308",
        "Ministry of Foreign Affairs consular protection (12308)",
        ["领事保护热线", "外交部"],
    ),
    "nea-12398": ("国家能源局 12398", "National Energy Administration (12398)", ["电力监管投诉"]),
    "tobacco-12313": (
        "国家烟草专卖局 12313",
        "State Tobacco Monopoly Administration (12313)",
        ["烟草专卖局"],
    ),
    "mps-12389": (
        "公安部 12389",
        "Ministry of Public Security (12389 reports on police)",
        ["12389举报", "公安民警违法违纪举报"],
    ),
    "mss-12339": (
        "国家安全机关 12339",
        "State security organs (12339 reports)",
        ["国家安全举报", "12339举报"],
    ),
    "hrss-12333": (
        "人力资源和社会保障 12333",
        "12333 human resources and social security hotline",
        ["人社局", "社保局", "人社部", "社保热线"],
    ),
    "mee-12369": (
        "生态环境部 12369",
        "Ministry of Ecology and Environment (12369)",
        ["环保局", "环保举报", "生态环境局"],
    ),
    "mohurd-12319": (
        "住房城乡建设 12319",
        "Urban construction and management hotline (12319)",
        ["城管热线", "城建热线", "住建局"],
    ),
    "spb-12305": ("国家邮政局 12305", "State Post Bureau (12305 complaints)", ["邮政业申诉", "快递投诉"]),
    "mwr-12314": ("水利部 12314", "Ministry of Water Resources (12314)", ["涉水问题举报"]),
    "moa-12316": ("农业农村部 12316", "Ministry of Agriculture and Rural Affairs (12316)", ["农业服务热线"]),
    "rural-12317": (
        "国家乡村振兴局 12317",
        "National Rural Revitalisation Administration (12317)",
        ["扶贫监督举报"],
    ),
    "mofcom-12335": ("商务部 12335", "Ministry of Commerce (12335)", ["外经贸企业服务"]),
    "mct-12318": ("文化和旅游部 12318", "Ministry of Culture and Tourism (12318)", ["文化市场举报"]),
    "mem-12350": (
        "应急管理部 12350",
        "Ministry of Emergency Management (12350)",
        ["安全生产举报", "事故举报"],
    ),
    "samr-code-center": (
        "全国组织机构统一社会信用代码数据服务中心",
        "National unified social credit code data service centre",
        ["统一社会信用代码"],
    ),
    "cpl-12337": (
        "中央政法委 12337",
        "Central Political and Legal Affairs Commission (12337 reports)",
        ["政法干警举报", "12337举报"],
    ),
    "nbs": ("国家统计局", "National Bureau of Statistics", ["统计局"]),
    "mca": ("民政部", "Ministry of Civil Affairs", ["民政局"]),
    "ccgp": ("中国政府采购网", "China Government Procurement website", ["政府采购网"]),
}

# number -> (organisation id, scope, kind, service zh, service en, what the list says)
NUMBERS = {
    "12368": (
        "court-12368",
        "every-city",
        "hotline",
        "诉讼服务热线",
        "litigation service line",
        "Gives 12368 as the courts' litigation service phone and SMS line.",
    ),
    "12309": (
        "procuratorate-12309",
        "every-city",
        "hotline",
        "检察服务热线",
        "procuratorate service line",
        "Gives 12309 as the procuratorate's service line for complaints, appeals and reports.",
    ),
    "12385": (
        "cdpf-12385",
        "every-city",
        "hotline",
        "残疾人维权服务电话",
        "disabled persons' rights line",
        "Gives 12385 as the national disabled persons' rights line, run alongside 12345.",
    ),
    "95110": (
        "china-coast-guard",
        "national",
        "emergency",
        "海上报警电话",
        "maritime emergency line",
        "Gives 95110 as the coast guard's line for smuggling and crime at sea.",
    ),
    "12388": (
        "ccdi-12388",
        "every-city",
        "reporting",
        "纪检监察举报电话",
        "discipline inspection reports",
        "Gives 12388 as the discipline inspection reporting line.",
    ),
    "12380": (
        "org-dept-12380",
        "every-city",
        "reporting",
        "组工举报电话",
        "reports on appointments",
        "Gives 12380 for reports about appointments and officials' conduct.",
    ),
    "12371": (
        "party-12371",
        "every-city",
        "hotline",
        "党员咨询服务电话",
        "party members' enquiry line",
        "Gives 12371 as the party members' enquiry line.",
    ),
    "12377": (
        "cac-12377",
        "every-city",
        "reporting",
        "违法和不良信息举报电话",
        "reports of illegal and harmful online content",
        "Gives 12377 as the reporting centre for harmful online content (rumours, fraud and the like).",
    ),
    "12310": (
        "scopsr-12310",
        "every-city",
        "reporting",
        "机构编制违规举报电话",
        "reports on staffing violations",
        "Gives 12310 for reports on staffing-quota violations.",
    ),
    "4006000121": (
        "cma-weather",
        "national",
        "hotline",
        "气象服务热线",
        "weather service line",
        "Gives 400-6000-121 as the China Weather service line for enquiries and complaints.",
    ),
    "12121": (
        "cma-weather",
        "every-city",
        "hotline",
        "天气预报查询",
        "weather forecast line",
        "Gives 12121 as the weather forecast line.",
    ),
    "12378": (
        "nfra-12378",
        "every-city",
        "complaints",
        "银行保险消费者投诉电话",
        "banking and insurance consumer complaints",
        "Gives 12378 as the consumer complaints line for banking and insurance (office hours).",
    ),
    "12386": (
        "csrc-12386",
        "every-city",
        "hotline",
        "证监会服务热线",
        "securities regulator's service line",
        "Gives 12386 as the securities regulator's service line (working days).",
    ),
    "12360": (
        "customs-12360",
        "every-city",
        "hotline",
        "海关公益服务电话",
        "customs service line",
        "Gives 12360 as the customs service line, with local sub-centres.",
    ),
    "12393": (
        "nhsa-12393",
        "every-city",
        "hotline",
        "医疗保障服务热线",
        "medical insurance service line",
        "Gives 12393 as the medical insurance service line, run alongside 12345.",
    ),
    "12308": (
        "mfa-12308",
        "national",
        "emergency",
        "全球领事保护与应急热线",
        "consular protection and emergency line",
        "Gives 12308 as the global consular protection line; from abroad dial +86-10-12308.",
    ),
    "12398": (
        "nea-12398",
        "every-city",
        "complaints",
        "电力监管投诉举报电话",
        "electricity regulation complaints",
        "Gives 12398 for complaints about electricity charges and supply.",
    ),
    "12313": (
        "tobacco-12313",
        "every-city",
        "reporting",
        "烟草市场监管服务热线",
        "tobacco market line",
        "Gives 12313 as the tobacco market supervision line.",
    ),
    "12389": (
        "mps-12389",
        "every-city",
        "reporting",
        "公安民警违法违纪举报电话",
        "reports on police misconduct",
        "Gives 12389 as the line for reports on police misconduct.",
    ),
    "12339": (
        "mss-12339",
        "every-city",
        "reporting",
        "国家安全举报电话",
        "state security reports",
        "Gives 12339 as the state security reporting line.",
    ),
    "12333": (
        "hrss-12333",
        "every-city",
        "hotline",
        "人力资源和社会保障服务电话",
        "human resources and social security line",
        "Gives 12333 as the national human resources and social security line.",
    ),
    "12369": (
        "mee-12369",
        "every-city",
        "complaints",
        "环境保护投诉举报电话",
        "environmental complaints",
        "Gives 12369 as the environmental complaints line.",
    ),
    "12319": (
        "mohurd-12319",
        "every-city",
        "complaints",
        "城建城管服务热线",
        "urban construction and management line",
        "Gives 12319 for illegal building, greenery and estate matters.",
    ),
    "12305": (
        "spb-12305",
        "every-city",
        "complaints",
        "邮政业用户申诉电话",
        "postal and courier complaints",
        "Gives 12305 as the postal and courier complaints line.",
    ),
    "12314": (
        "mwr-12314",
        "every-city",
        "reporting",
        "涉水问题监督举报电话",
        "water-related reports",
        "Gives 12314 for reports on water resources and water works.",
    ),
    "12316": (
        "moa-12316",
        "every-city",
        "hotline",
        "农业公益服务电话",
        "agricultural service line",
        "Gives 12316 as the agricultural service line.",
    ),
    "12317": (
        "rural-12317",
        "every-city",
        "reporting",
        "扶贫监督举报电话",
        "rural assistance reports",
        "Gives 12317 as the rural assistance supervision line.",
    ),
    "12335": (
        "mofcom-12335",
        "every-city",
        "hotline",
        "外经贸企业服务电话",
        "foreign trade enterprise line",
        "Gives 12335 as the foreign trade enterprise service line.",
    ),
    "12318": (
        "mct-12318",
        "every-city",
        "reporting",
        "文化市场举报电话",
        "cultural market reports",
        "Gives 12318 as the cultural market reporting line.",
    ),
    "12350": (
        "mem-12350",
        "every-city",
        "reporting",
        "安全生产事故举报电话",
        "workplace accident reports",
        "Gives 12350 as the accident reporting line.",
    ),
    "4008076000": (
        "samr-code-center",
        "national",
        "hotline",
        "统一社会信用代码数据服务热线",
        "social credit code data line",
        "Gives 400-807-6000 as the unified social credit code data service line.",
    ),
    "4008101996": (
        "ccgp",
        "national",
        "hotline",
        "政府采购网服务热线",
        "procurement website service line",
        "Gives 400-810-1996 as the service line of the government procurement website.",
    ),
    "12337": (
        "cpl-12337",
        "every-city",
        "reporting",
        "政法干警违纪违法举报电话",
        "reports on misconduct of legal officers",
        "Gives 12337 as the reporting platform for misconduct of police, judges and prosecutors.",
    ),
    "01066411166": (
        "miit",
        "local",
        "hotline",
        "网站备案咨询电话",
        "website filing (ICP) enquiries",
        "Gives 010-66411166 as the national enquiry line for website filing.",
    ),
    "01061986755": (
        "tax-12366",
        "local",
        "reporting",
        "税收违法行为检举电话",
        "tax violation reports",
        "Gives 010-61986755 for reports of tax violations.",
    ),
    "01068512113": (
        "nbs",
        "local",
        "reporting",
        "统计违法行为举报电话",
        "statistics violation reports",
        "Gives 010-68512113 for reports of statistical violations.",
    ),
    "01089061396": (
        "nhsa-12393",
        "local",
        "reporting",
        "打击欺诈骗保举报电话",
        "medical insurance fraud reports",
        "Gives 010-89061396 and 89061397 for reports of medical insurance fraud (office hours).",
    ),
    "01089061397": (
        "nhsa-12393",
        "local",
        "reporting",
        "打击欺诈骗保举报电话",
        "medical insurance fraud reports",
        "Gives 010-89061396 and 89061397 for reports of medical insurance fraud (office hours).",
    ),
    "01058123127": (
        "mca",
        "local",
        "hotline",
        "慈善中国募捐信息平台电话",
        "charity fundraising platform line",
        "Gives 010-58123127 for the charity fundraising information platform.",
    ),
    "01055624303": (
        "xuexi",
        "local",
        "hotline",
        "学习强国值班电话",
        "Xuexi Qiangguo duty line",
        "Gives 010-55624303 and 010-55624311 as duty phones of the Xuexi Qiangguo site and app.",
    ),
    "01055624311": (
        "xuexi",
        "local",
        "hotline",
        "学习强国值班电话",
        "Xuexi Qiangguo duty line",
        "Gives 010-55624303 and 010-55624311 as duty phones of the Xuexi Qiangguo site and app.",
    ),
    "10080": (
        "china-mobile",
        "every-city",
        "complaints",
        "服务监督电话",
        "service supervision line",
        "Gives 10080 as China Mobile's head-office service supervision line.",
    ),
    "10015": (
        "china-unicom",
        "every-city",
        "complaints",
        "服务监督电话",
        "service supervision line",
        "Gives 10015 as China Unicom's service supervision line.",
    ),
    "4008810000": (
        "china-telecom",
        "national",
        "complaints",
        "集团投诉监督电话",
        "group complaints line",
        "Gives 400-88-10000 as China Telecom's group complaints line.",
    ),
    "12306": (None, None, None, None, None, "Gives 12306 as the railway passenger service line."),
    "95306": (None, None, None, None, None, "Gives 95306 as the railway freight service line."),
    "12345": (
        None,
        None,
        None,
        None,
        None,
        "Gives 12345 as the local government service line, the same in every city.",
    ),
    "12366": (None, None, None, None, None, "Gives 12366 as the tax service line, with local sub-centres."),
    "12381": (
        None,
        None,
        None,
        None,
        None,
        "Lists 12381 under the Ministry of Industry and Information Technology.",
    ),
    "12321": (
        None,
        None,
        None,
        None,
        None,
        "Gives 12321 as the reporting centre for spam, fraud calls and bad apps, still open.",
    ),
    "96110": (None, None, None, None, None, "Gives 96110 as the anti-fraud centre's single warning number."),
    "110": (None, None, None, None, None, "Gives 110 as the police emergency line."),
    "119": (None, None, None, None, None, "Gives 119 as the fire emergency line."),
    "120": (None, None, None, None, None, "Gives 120 as the medical emergency line."),
    "122": (
        None,
        None,
        None,
        None,
        None,
        "Gives 122 (12123 in some cities) as the traffic police service line.",
    ),
    "12123": (
        None,
        None,
        None,
        None,
        None,
        "Gives 12123 as the traffic management service line of some cities.",
    ),
    "12367": (None, None, None, None, None, "Gives 12367 as the immigration enquiry line."),
    "12348": (
        None,
        None,
        None,
        None,
        None,
        "Gives 12348 as the public legal service line, run alongside 12345.",
    ),
    "12329": (None, None, None, None, None, "Gives 12329 as the housing provident fund line."),
    "12328": (None, None, None, None, None, "Gives 12328 as the transport service supervision line."),
    "12320": (None, None, None, None, None, "Gives 12320 as the public health service line."),
    "12315": (
        None,
        None,
        None,
        None,
        None,
        "Gives 12315 as the market regulation complaints line, which absorbed 12365, 12331, 12358 and 12330.",
    ),
    "12361": (
        None,
        None,
        None,
        None,
        None,
        "Gives 12361 as a service line of the publicity department's opinion research centre.",
    ),
    "95598": (None, None, None, None, None, "Gives 95598 as State Grid's customer service line."),
    "10086": (None, None, None, None, None, "Gives 10086 as China Mobile's service line."),
    "10010": (None, None, None, None, None, "Gives 10010 as China Unicom's service line."),
    "10000": (None, None, None, None, None, "Gives 10000 as China Telecom's service line."),
    "95588": (None, None, None, None, None, "Gives 95588 as ICBC's service line."),
    "95533": (None, None, None, None, None, "Gives 95533 as CCB's service line."),
    "95599": (None, None, None, None, None, "Gives 95599 as ABC's service line."),
    "95566": (None, None, None, None, None, "Gives 95566 as Bank of China's service line."),
    "95559": (None, None, None, None, None, "Gives 95559 as Bank of Communications' service line."),
    "95580": (None, None, None, None, None, "Gives 95580 as Postal Savings Bank's service line."),
}

# numbers the list says were closed and folded into 12345
RETIRED = {
    "12300": "Lists 12300, the telecom users' complaints line, among the lines closed and folded into 12345.",
    "96119": "Lists 96119, the fire-hazard reporting line, among the lines closed and folded into 12345.",
}


def main() -> int:
    data = json.loads(DATA.read_text("utf-8"))
    orgs = {o["id"] for o in data["organisations"]}
    for org_id, (zh, en, aliases) in ORGS.items():
        if org_id not in orgs:
            data["organisations"].append(
                {"id": org_id, "name": {"zh": zh, "en": en}, "aliases": aliases, "category": "government"}
            )
    by_number = {e["number"]: e for e in data["numbers"]}
    for number, (org_id, scope, kind, zh, en, says) in NUMBERS.items():
        entry = by_number.get(number)
        if entry is None:
            assert org_id is not None, number
            entry = {
                "number": number,
                "org": org_id,
                "status": "active",
                "kind": kind,
                "scope": scope,
                "service": {"zh": zh, "en": en},
                "handles": {"zh": zh, "en": en},
                "sources": [],
            }
            data["numbers"].append(entry)
            by_number[number] = entry
        cite(entry, says, retires=False)
    for number, says in RETIRED.items():
        entry = by_number[number]
        entry.update(status="retired", replaced_by=["12345"])
        entry.pop("acknowledged_lookalikes", None)
        entry["retired_note"] = {
            "zh": "已并入 12345 政务服务便民热线",
            "en": "folded into the 12345 government service line",
        }
        cite(entry, says, retires=True)
    acknowledge(data)
    order(data)
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


def cite(entry: dict, says: str, *, retires: bool) -> None:
    source = dict(SOURCE, says=says)
    if retires:
        source["retires"] = True
    entry["sources"] = [s for s in entry["sources"] if s.get("repo") != SOURCE["repo"]] + [source]


if __name__ == "__main__":
    sys.exit(main())
