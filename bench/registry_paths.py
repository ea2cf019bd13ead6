#!/usr/bin/env python3
"""Builds the request paths the registry benchmark cycles through.

ids.txt      GET /api/v1/filings/{id} for 2,000 random existing ids
pages.txt    filtered, sorted list pages (limit 50) at depths 1..2000 pages, reached by following cursors
search1.txt  one-character Chinese searches; search2.txt two-character ones
Usage: bench/registry_paths.py BASE_URL OUT_DIR
"""
import json
import random
import sys
import urllib.parse
import urllib.request

base, out = sys.argv[1], sys.argv[2]
rng = random.Random(7)


def get(path):
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


first = get("/api/v1/filings?sort=filingDate&limit=1")["items"][0]["id"]
last = get("/api/v1/filings?sort=-filingDate&limit=1")["items"][0]["id"]
with open(f"{out}/ids.txt", "w") as f:
    for _ in range(2000):
        f.write(f"/api/v1/filings/{rng.randint(min(first, last), max(first, last))}\n")

# Walk a few filtered lists deep, keeping every page's URL so the benchmark hits all depths.
lists = ["jurisdiction=CN-BJ&sort=-filingDate", "category=TEXT&sort=name", "kind=REGISTRATION&sort=-updatedAt",
         "status=ACTIVE&filedFrom=2024-01-01&sort=filingDate"]
pages = []
for query in lists:
    path = f"/api/v1/filings?{query}&limit=50"
    for depth in range(500):
        pages.append(path)
        page = get(path)
        if not page.get("nextCursor"):
            break
        path = f"/api/v1/filings?{query}&limit=50&cursor={urllib.parse.quote(page['nextCursor'])}"
rng.shuffle(pages)
with open(f"{out}/pages.txt", "w") as f:
    f.writelines(p + "\n" for p in pages)

chars = "智云星天文通灵慧深千万元启明悟书言图声画医法金教工航能安数知问思语脑擎枢境舟海川山鉴行创研信达策谱镜模型助手京沪"
with open(f"{out}/search1.txt", "w") as f:
    for c in chars:
        f.write("/api/v1/filings?limit=50&q=" + urllib.parse.quote(c) + "\n")
pairs = ["智能", "大模", "模型", "助手", "云图", "星河", "天工", "深度", "千帆", "万象", "书生", "客服", "写作", "代码",
         "多模", "对话", "服务", "行业", "科技", "研究", "北京", "上海", "灵犀", "启明", "元初", "图灵", "智源", "慧眼"]
with open(f"{out}/search2.txt", "w") as f:
    for p in pairs:
        f.write("/api/v1/filings?limit=50&q=" + urllib.parse.quote(p) + "\n")
print(f"  {len(pages)} list pages, 2000 ids, {len(chars)} + {len(pairs)} searches")
