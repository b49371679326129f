#!/usr/bin/env python3
"""Regenerates fleet/jincheng.fleet.json, the demo fleet for Jincheng (晋城市), deterministically.

Device passwords are derived from a seed (see CredentialHasher.DeriveDevicePassword) and only their
PBKDF2-SHA256 hashes are written, so the file can be published. Run: python3 fleet/generate_jincheng.py
"""
import base64, hashlib, hmac, json, os, random

SEED = "jincheng-demo-2026"   # = Simulators:CredentialSeed in portal/appsettings.json
ITERATIONS = 20000
rng = random.Random(20231)

def password(device_id):
    mac = hmac.new(SEED.encode(), device_id.encode(), hashlib.sha256).digest()
    return base64.b64encode(mac[:18]).decode().replace("+", "-").replace("/", "_")

def credential(device_id):
    salt = hashlib.sha256(("salt:" + device_id).encode()).digest()[:16]  # deterministic, so the file is stable
    h = hashlib.pbkdf2_hmac("sha256", password(device_id).encode(), salt, ITERATIONS, 32)
    return f"pbkdf2-sha256${ITERATIONS}${base64.b64encode(salt).decode()}${base64.b64encode(h).decode()}"

# county id, name, English, centre lat/lon, townships: (id, name, [(village name, pinyin)])
COUNTIES = [
    ("chengqu", "城区", "Chengqu", 35.50, 112.85, [
        ("bsd", "北石店镇", [("北石店村", "Beishidian"), ("司徒村", "Situ"), ("吕匠村", "Lüjiang")]),
        ("xss", "西上庄街道", [("西上庄村", "Xishangzhuang"), ("南岭村", "Nanling")]),
    ]),
    ("zezhou", "泽州县", "Zezhou", 35.42, 112.90, [
        ("bagong", "巴公镇", [("巴公一村", "Bagong Yi"), ("西郜村", "Xigao"), ("东四义村", "Dongsiyi")]),
        ("gaodu", "高都镇", [("高都村", "Gaodu"), ("保福村", "Baofu")]),
        ("dadonggou", "大东沟镇", [("辛壁村", "Xinbi"), ("贾泉村", "Jiaquan")]),
        ("chuandi", "川底乡", [("川底村", "Chuandi"), ("马韦村", "Mawei")]),
    ]),
    ("gaoping", "高平市", "Gaoping", 35.80, 112.92, [
        ("mishan", "米山镇", [("米西村", "Mixi"), ("建宁村", "Jianning")]),
        ("sanjia", "三甲镇", [("三甲南村", "Sanjia Nan"), ("邢村", "Xingcun")]),
        ("shennong", "神农镇", [("团池村", "Tuanchi"), ("中庙村", "Zhongmiao")]),
        ("macun", "马村镇", [("康营村", "Kangying")]),
    ]),
    ("yangcheng", "阳城县", "Yangcheng", 35.49, 112.41, [
        ("beiliu", "北留镇", [("皇城村", "Huangcheng"), ("郭峪村", "Guoyu")]),
        ("runcheng", "润城镇", [("上庄村", "Shangzhuang"), ("屯城村", "Tuncheng")]),
        ("dingdian", "町店镇", [("崦山村", "Yanshan"), ("大端村", "Daduan")]),
    ]),
    ("lingchuan", "陵川县", "Lingchuan", 35.78, 113.28, [
        ("liyi", "礼义镇", [("平川村", "Pingchuan"), ("西街村", "Xijie")]),
        ("fucheng", "附城镇", [("丈河村", "Zhanghe"), ("台北村", "Taibei")]),
        ("xihedi", "西河底镇", [("积善村", "Jishan"), ("西河底村", "Xihedi")]),
    ]),
    ("qinshui", "沁水县", "Qinshui", 35.69, 112.19, [
        ("longgang", "龙港镇", [("杏峪村", "Xingyu"), ("青龙村", "Qinglong")]),
        ("duanshi", "端氏镇", [("端氏村", "Duanshi"), ("坪上村", "Pingshang")]),
        ("tuwo", "土沃乡", [("西文兴村", "Xiwenxing"), ("南峪村", "Nanyu")]),
        ("zhengcun", "郑村镇", [("湘峪村", "Xiangyu")]),
    ]),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"

def jitter(x, d):
    return round(x + rng.uniform(-d, d), 5)

counties, villages = [], []
for cid, cname, cen, lat, lon, towns in COUNTIES:
    c = {"id": cid, "name": cname, "nameEn": cen, "townships": []}
    for tid, tname, vs in towns:
        t = {"id": f"{cid}-{tid}", "name": tname, "villages": []}
        for i, (vname, vpy) in enumerate(vs):
            v = {"id": f"{cid}-{tid}-{i + 1:02d}", "name": vname, "nameEn": vpy,
                 "lat": jitter(lat, 0.12), "lon": jitter(lon, 0.15)}
            t["villages"].append(v)
            villages.append((cid, v))
        c["townships"].append(t)
    counties.append(c)

crews = []
for cid, cname, cen, *_ in COUNTIES:
    if cid == "zezhou":
        continue
    crews.append({"id": f"crew-{cid}", "name": f"{cname}光伏运维一班", "phone": f"0356-{rng.randint(2000000, 8999999)}", "counties": [cid]})
zz = [v["id"] for c, v in villages if c == "zezhou"]
crews.append({"id": "crew-zezhou-north", "name": "泽州县北片运维班", "phone": "0356-3318801", "counties": ["zezhou"]})
crews.append({"id": "crew-zezhou-south", "name": "泽州县南片运维班", "phone": "0356-3318802", "villages": [v for v in zz if "chuandi" in v or "dadonggou" in v]})

households = []
def add_household(village_id, monitored=None):
    hid = f"HH-{len(households) + 1:04d}"
    households.append({"id": hid, "village": village_id, "head": rng.choice(SURNAMES) + "某某",
                       "members": rng.randint(1, 6), "monitored": monitored if monitored is not None else rng.random() < 0.2})
    return hid

stations, barns = [], []
def station(sid, name, cls, village, kwp, year, grid, subsidy, owners=None, household=None, sensor=False, cadence=60):
    s = {"id": sid, "name": name, "class": cls, "village": village["id"],
         "lat": jitter(village["lat"], 0.01), "lon": jitter(village["lon"], 0.01), "kwp": kwp,
         "tilt": rng.choice([25, 28, 30, 32, 35]), "azimuth": rng.choice([170, 175, 180, 180, 185, 190]),
         "commissioned": f"{year}-{rng.randint(4, 12):02d}-{rng.randint(1, 28):02d}", "cadenceSeconds": cadence,
         "tariff": {"grid": grid, "subsidy": subsidy}}
    if owners: s["owners"] = owners
    if household: s["household"] = household
    if sensor: s["irradianceSensor"] = True
    s["credential"] = credential(sid)
    stations.append(s)

for n, (cid, v) in enumerate(villages):
    for _ in range(rng.randint(4, 9)):
        add_household(v["id"])
    kwp = rng.choice([60, 100, 100, 100, 150, 200, 200, 300, 500])
    year = rng.choice([2017, 2018, 2018, 2019, 2020, 2021])
    subsidy = 0.518 if year <= 2019 else 0.0
    station(f"PV-V{n + 1:03d}", f"{v['name']}村级光伏帮扶电站", "village", v, kwp, year, 0.332, subsidy,
            owners=[{"village": v["id"], "share": 1}], sensor=(n % 4 == 0))
    if n % 3 == 0:  # household stations in every third village
        for k in range(3):
            hid = add_household(v["id"], monitored=(k == 0))
            station(f"PV-H{len([s for s in stations if s['class'] == 'household']) + 1:03d}",
                    f"{v['name']}{households[-1]['head']}户用光伏", "household", v,
                    rng.choice([3, 4, 5, 5, 6, 7]), rng.choice([2016, 2017, 2018]), 0.332, 0.42, household=hid, cadence=300)

by_county = {}
for cid, v in villages:
    by_county.setdefault(cid, []).append(v)
for n, (cid, cname, cen, *_rest) in enumerate(COUNTIES):
    vs = by_county[cid][:3]
    shares = [0.4, 0.35, 0.25] if len(vs) == 3 else [0.5, 0.5]
    kwp = [300, 1000, 2000, 500, 300, 6000][n]
    station(f"PV-N{n + 1:03d}", f"{cname}{vs[0]['name']}联村光伏帮扶电站", "national", vs[0], kwp,
            rng.choice([2016, 2017]), 0.332, 0.518 if n % 2 == 0 else 0.648,
            owners=[{"village": v["id"], "share": s} for v, s in zip(vs, shares[:len(vs)])], sensor=True)

BARN_PLAN = [  # county, species, stage, head count range, fans
    ("gaoping", "pig", "grower", (300, 1200), 6), ("gaoping", "pig", "farrowing", (60, 200), 4),
    ("gaoping", "pig", "nursery", (200, 600), 4), ("zezhou", "poultry", "broiler", (5000, 20000), 8),
    ("zezhou", "poultry", "layer", (3000, 10000), 6), ("zezhou", "pig", "grower", (400, 900), 6),
    ("qinshui", "sheep", "fattening", (200, 800), 2), ("qinshui", "sheep", "lambing", (80, 300), 2),
    ("qinshui", "bee", "apiary", (60, 200), 0), ("qinshui", "sheep", "fattening", (150, 500), 2),
    ("lingchuan", "cattle", "beef", (80, 300), 4), ("lingchuan", "cattle", "beef", (50, 200), 4),
    ("lingchuan", "bee", "apiary", (40, 150), 0), ("yangcheng", "pig", "grower", (500, 1500), 6),
    ("yangcheng", "poultry", "broiler", (8000, 30000), 8), ("yangcheng", "sheep", "fattening", (100, 400), 2),
    ("chengqu", "poultry", "layer", (2000, 6000), 4), ("gaoping", "cattle", "beef", (60, 150), 4),
]
SPECIES_CN = {"pig": "生猪", "poultry": "家禽", "sheep": "肉羊", "cattle": "肉牛", "bee": "蜂场"}
for n, (cid, species, stage, heads, fans) in enumerate(BARN_PLAN):
    v = rng.choice(by_county[cid])
    b = {"id": f"BARN-{n + 1:03d}", "name": f"{v['name']}{SPECIES_CN[species]}{'养殖' if species != 'bee' else ''}舍{n + 1}号",
         "species": species, "stage": stage, "village": v["id"],
         "lat": jitter(v["lat"], 0.01), "lon": jitter(v["lon"], 0.01),
         "headCount": rng.randint(*heads), "fans": fans, "cadenceSeconds": 60}
    if n == 1:
        b["thresholds"] = {"t_c.min": 24, "nh3_ppm.max": 15}  # farrowing house: warmer, cleaner air
    b["credential"] = credential(b["id"])
    barns.append(b)


# ---- Revenue terms (issue #5): deductions, household loans, a meter replacement, and one allocation plan per village and
# year in fleet/jincheng.revenue.json. A separate generator keeps the draws above (and so the rest of the fleet) unchanged.
rev = random.Random(5)
for s_ in stations:
    if s_["class"] == "household":
        s_["deductions"] = [{"kind": "insurance", "yuanPerYear": 60}]
        if rev.random() < 0.5:
            s_["loan"] = {"lender": rev.choice(["县光伏扶贫投资公司", "县农商银行"]), "monthlyYuan": rev.choice([80, 100, 120, 150]),
                          "share": rev.choice([0, 0, 0.2]), "lastMonth": rev.choice(["2026-12", "2027-12", "2028-06"])}
    else:
        d = [{"kind": "operationAndMaintenance", "yuanPerKwh": rev.choice([0.02, 0.025, 0.03])},
             {"kind": "insurance", "yuanPerYear": round(s_["kwp"] * rev.choice([2.5, 3, 3.5]), 2)}]
        if rev.random() < 0.6:
            d.append({"kind": "landRent", "yuanPerYear": rev.choice([1500, 2000, 3000, 4800]) * (1 if s_["kwp"] <= 300 else 4)})
        s_["deductions"] = d
for s_ in stations[4:40:17]:  # two village stations had their meter swapped in 2025 (work orders on file)
    s_["meterReplacements"] = [{"at": f"2025-0{rev.randint(4, 9)}-{rev.randint(10, 28)}T10:30:00+08:00",
                                "oldMeterFinalKwh": round(s_["kwp"] * rev.uniform(9000, 11000), 1), "newMeterInitialKwh": 0,
                                "note": f"运维工单 YW-2025-{rev.randint(100, 999)}"}]

POSTS = [("保洁员", (300, 500)), ("护林员", (400, 600)), ("道路养护员", (300, 500)), ("水管员", (300, 400)), ("光伏电站看护员", (400, 600))]
PROJECTS = ["村内道路修补", "路灯维修", "饮水管网维修", "村卫生室设备添置", "文化广场修缮"]
REWARDS = ["孝老敬亲奖励", "助学补助", "人居环境整治奖励"]
plans = []
for cid, v in villages:
    hh = [h for h in households if h["village"] == v["id"]]
    owned = [(s_, o["share"]) for s_ in stations for o in s_.get("owners", []) if o["village"] == v["id"]]
    expected = sum(s_["kwp"] * share * 1300 * s_["tariff"]["grid"] * 0.85 for s_, share in owned)  # grid cash after costs
    for year in (2025, 2026):
        holders = sorted(hh, key=lambda h: (not h["monitored"], h["id"]))
        posts = []
        for k, (title, (lo, hi)) in enumerate(rev.sample(POSTS, rev.randint(2, 4))):
            posts.append({"id": f"G{k + 1}", "title": title, "holder": holders[k % len(holders)]["id"],
                          "monthlyWage": rev.randrange(lo, hi + 1, 50), **({"months": [3, 4, 5, 6, 10, 11]} if title == "护林员" else {})})
        months = sorted(rev.sample(range(3, 11), 3))
        project = {"id": "W1", "name": rev.choice(PROJECTS), "budget": rev.randrange(2000, 8001, 500), "months": months}
        reward = {"id": "R1", "name": rev.choice(REWARDS), "recipient": rev.choice(hh)["id"], "budget": rev.randrange(600, 2401, 200)}
        commitments = sum(p["monthlyWage"] * len(p.get("months", range(12))) for p in posts) + project["budget"] + reward["budget"]
        while commitments > 0.8 * expected and len(posts) > 1:  # small stations: fewer posts
            commitments -= posts[-1]["monthlyWage"] * len(posts[-1].get("months", range(12)))
            posts.pop()
        equity = [{"household": h["id"], "shares": rev.randint(1, 3)} for h in hh[: max(2, len(hh) - 1)]]
        if len({e["shares"] / next(h["members"] for h in hh if h["id"] == e["household"]) for e in equity}) == 1:
            equity[0]["shares"] += 1  # never shares in proportion to household size: that is a per-head split
        plan = {"village": v["id"], "year": year, "approved": f"{year}-01-{rev.randint(10, 28)}",
                "plannedDistributable": max(round(expected, -2), round(commitments * 1.25, -2)),
                "posts": posts, "projects": [project], "rewards": [reward],
                "dividends": {"monitoredWeight": 1.5, "equity": equity}}
        plans.append(plan)

doc = {"version": 1, "name": "晋城市光伏帮扶电站与养殖监测示范车队 (演示数据)",
       "counties": counties, "crews": crews, "households": households, "stations": stations, "barns": barns}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jincheng.fleet.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
revenue_out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jincheng.revenue.json")
with open(revenue_out, "w", encoding="utf-8") as f:
    json.dump({"version": 1, "plans": plans}, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"{revenue_out}: {len(plans)} allocation plans")
print(f"{out}: {len(villages)} villages, {len(stations)} stations, {len(barns)} barns, {len(households)} households")
