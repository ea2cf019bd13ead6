#!/usr/bin/env python3
"""Deterministic generator of realistic synthetic CAC filings, as CSV in the registry's import format.

Every row is marked synthetic in its provenance (sourceList "SYNTHETIC ..."), and its filing number carries
the prefix of its jurisdiction, a pinyin-like model name and a date 7-20 days before its filing date, like
the real lists. Names mix the vocabulary of the real lists so one- and two-character searches behave as
they would on real data.

    bench/generate_filings.py --count 100000 --start 1 --seed 42 > filings.csv
"""
import argparse
import csv
import datetime
import random
import sys

JURISDICTIONS = [  # (属地 as listed, filing-number prefix, weight: roughly the published distribution)
    ("北京", "Beijing", 81), ("广东", "Guangdong", 80), ("上海", "Shanghai", 72), ("江苏", "Jiangsu", 43),
    ("浙江", "Zhejiang", 40), ("山东", "Shandong", 25), ("四川", "Sichuan", 12), ("河北", "Hebei", 11),
    ("国资委", "ZhongYangQiYe", 9), ("湖北", "Hubei", 7), ("安徽", "Anhui", 5), ("湖南", "Hunan", 5),
    ("福建", "Fujian", 5), ("云南", "Yunnan", 4), ("天津", "Tianjin", 3), ("广西", "Guangxi", 3),
    ("河南", "Henan", 3), ("贵州", "Guizhou", 3), ("山西", "Shanxi", 2), ("陕西", "Shaanxi", 2),
    ("黑龙江", "Heilongjiang", 2), ("吉林", "Jilin", 1), ("宁夏", "Ningxia", 1), ("江西", "Jiangxi", 1),
    ("海南", "Hainan", 1), ("辽宁", "Liaoning", 1), ("重庆", "Chongqing", 1),
]
PREFIX = ["智", "云", "星", "天", "文", "通", "灵", "慧", "深", "千", "万", "元", "启", "明", "悟", "书", "言", "图", "声", "画",
          "医", "法", "金", "教", "工", "航", "能", "安", "数", "知"]
MIDDLE = ["问", "思", "语", "脑", "擎", "枢", "境", "舟", "海", "川", "山", "鉴", "行", "创", "研", "信", "达", "策", "谱", "镜"]
SUFFIX = ["大模型", "智能助手", "对话服务", "生成服务", "多模态大模型", "智能体", "写作助手", "客服大模型", "行业大模型", "代码助手"]
PINYIN = {"智": "Zhi", "云": "Yun", "星": "Xing", "天": "Tian", "文": "Wen", "通": "Tong", "灵": "Ling", "慧": "Hui",
          "深": "Shen", "千": "Qian", "万": "Wan", "元": "Yuan", "启": "Qi", "明": "Ming", "悟": "Wu", "书": "Shu",
          "言": "Yan", "图": "Tu", "声": "Sheng", "画": "Hua", "医": "Yi", "法": "Fa", "金": "Jin", "教": "Jiao",
          "工": "Gong", "航": "Hang", "能": "Neng", "安": "An", "数": "Shu", "知": "Zhi", "问": "Wen", "思": "Si",
          "语": "Yu", "脑": "Nao", "擎": "Qing", "枢": "Shu", "境": "Jing", "舟": "Zhou", "海": "Hai", "川": "Chuan",
          "山": "Shan", "鉴": "Jian", "行": "Xing", "创": "Chuang", "研": "Yan", "信": "Xin", "达": "Da", "策": "Ce",
          "谱": "Pu", "镜": "Jing"}
ORG_WORDS = ["数智", "云图", "星河", "天工", "智源", "深度", "灵犀", "慧眼", "千帆", "万象", "元初", "启明", "书生", "言犀", "图灵"]
ORG_KINDS = ["科技有限公司", "信息技术有限公司", "人工智能有限公司", "网络科技有限公司", "软件股份有限公司", "研究院"]
CITY = {"国资委": "中国"}
CATEGORIES = ["TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "MULTIMODAL"]
SECTORS = ["GENERAL", "CUSTOMER_SERVICE", "HEALTHCARE", "LEGAL", "FINANCE", "EDUCATION", "MANUFACTURING",
           "LOGISTICS", "GOVERNMENT", "MEDIA", "ENERGY", "TELECOM"]
WEIGHTS = ["OPEN", "API_ONLY", "CLOSED", ""]
HEADERS = ["sequenceNo", "jurisdiction", "name", "organization", "filingNumber", "filingDate", "kind",
           "categories", "sectors", "weightsAccess", "publicationBatch", "sourceList"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--start", type=int, default=1, help="first list sequence number")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--organizations", type=int, default=20000, help="distinct organizations")
    args = parser.parse_args()

    rng = random.Random(args.seed * 1_000_003 + args.start)
    weights = [w for _, _, w in JURISDICTIONS]
    first_day = datetime.date(2023, 8, 31)
    span = (datetime.date(2026, 6, 30) - first_day).days
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADERS)
    for n in range(args.start, args.start + args.count):
        place, prefix, _ = rng.choices(JURISDICTIONS, weights)[0]
        a, b = rng.choice(PREFIX), rng.choice(MIDDLE)
        name = a + b + rng.choice(SUFFIX)
        org_no = rng.randrange(args.organizations)
        city = CITY.get(place, place)
        org = city + ORG_WORDS[org_no % len(ORG_WORDS)] + str(org_no) + ORG_KINDS[org_no % len(ORG_KINDS)]
        filed = first_day + datetime.timedelta(days=int(span * (n - args.start) / max(1, args.count)) + rng.randrange(7))
        numbered = filed - datetime.timedelta(days=rng.randrange(7, 21))
        number = f"{prefix}-{PINYIN[a]}{PINYIN[b]}S{n}-{numbered:%Y%m%d}{rng.randrange(10000):04d}"
        kind = "REGISTRATION" if rng.random() < 0.38 else "FILING"
        categories = ";".join(sorted(set(rng.choices(CATEGORIES, [60, 15, 8, 7, 6, 4], k=rng.randrange(1, 3)))))
        sectors = ";".join(sorted(set(rng.choices(SECTORS, k=rng.randrange(1, 3)))))
        out.writerow([n, place, name, org, number, f"{filed.year}/{filed.month}/{filed.day}", kind, categories,
                      sectors, rng.choice(WEIGHTS), f"synthetic batch {filed:%Y-%m}",
                      f"SYNTHETIC (bench/generate_filings.py seed {args.seed}); not a real filing"])


if __name__ == "__main__":
    main()
