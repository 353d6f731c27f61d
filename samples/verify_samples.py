"""Maintenance check for the samples in this folder (not part of narrative, not a test).

    python samples/verify_samples.py          # exit status 0 when everything agrees

It re-does, with exact fractions and the project's rounding rule (a written figure is the
interval of ± half a unit of its last digit; a relation holds when the intervals meet), the
arithmetic of the 中共青禾县委宣传部 samples:

1. manifest integrity: qinghe-xuanchuanbu-2024-slips.txt is the clean 2024 file with exactly the
   edits listed in qinghe-xuanchuanbu-2024-slips.toml (same line count, nothing else changed);
2. the clean 2023 and 2024 files: every table relation and every prose claim of the kinds used in
   them holds; the ones that hold only within rounding are listed (they are the documented edge
   cases, see README.md);
3. 2023 ↔ 2024: every "比上年" claim of 2024 matches the figure the 2023 report states, and 2023's
   年末结转和结余 is 2024's 年初结转和结余;
4. the slips file: the set of (line, rule) errors found here equals the union of the manifest's
   expect lists, and each slip applied alone to the clean file gives exactly its own expect list.

The manifest's expectations were written by hand from the text; this script only cross-checks
them. Its table reader and its prose patterns are tied to the layout and wording of these sample
files (regular expressions written for them), so it is no substitute for narrative's own stages.
"""

import re
import sys
import tomllib
from fractions import Fraction as F
from pathlib import Path

T = "\t"


class Iv:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __add__(self, o):
        return Iv(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o):
        return Iv(self.lo - o.hi, self.hi - o.lo)

    def div(self, o):
        if o.lo <= 0 <= o.hi:
            return None
        c = [self.lo / o.lo, self.lo / o.hi, self.hi / o.lo, self.hi / o.hi]
        return Iv(min(c), max(c))

    def meets(self, o):
        return self.lo <= o.hi and o.lo <= self.hi


class Fig:
    def __init__(self, s, line=None):
        s = s.strip().replace(",", "")
        self.text = s
        self.line = line
        m = re.fullmatch(r"-?\d+(?:\.(\d+))?", s)
        if not m:
            raise ValueError(s)
        self.v = F(s)
        self.d = len(m.group(1) or "")

    @property
    def iv(self):
        h = F(1, 2 * 10**self.d)
        return Iv(self.v - h, self.v + h)


def num(s, line=None):
    s = (s or "").strip()
    if s in ("", "---", "—"):
        return None
    try:
        return Fig(s, line)
    except ValueError:
        return "BAD"


def r2(x, d=2):
    q = F(10) ** d
    s = abs(x) * q
    w = int(s)
    if s - w >= F(1, 2):
        w += 1
    return (-1 if x < 0 else 1) * F(w) / q


FINDINGS = []


def rec(line, rule, stated, comp_iv, comp_mid, what):
    """stated: Fig; comp: interval + central value."""
    if comp_iv is None:
        FINDINGS.append((line, rule, "skip", what))
        return
    if not stated.iv.meets(comp_iv):
        st = "ERR"
    elif r2(comp_mid, stated.d) != stated.v:
        st = "RND"
    else:
        st = "ok"
    FINDINGS.append((line, rule, st, f"{what}: stated {stated.text} computed {float(comp_mid):.4f}"))


def rsum(line, rule, parent, kids, what):
    kids = [k for k in kids if k is not None]
    if parent is None:
        parent = Fig("0") if not kids else None
        if parent is None:
            FINDINGS.append((line, rule, "ERR", what + ": parent empty"))
            return
    if parent == "BAD" or any(k == "BAD" for k in kids):
        FINDINGS.append((line, rule, "skip", what + " (bad cell)"))
        return
    iv = Iv(F(0), F(0))
    mid = F(0)
    for k in kids:
        iv = iv + k.iv
        mid += k.v
    rec(line, rule, parent, iv, mid, what)


def reqx(line, rule, a, n, what):
    rec(line, rule, a, Iv(F(n), F(n)), F(n), what)


def req(line, rule, a, b, what):
    if a == "BAD" or b == "BAD":
        FINDINGS.append((line, rule, "skip", what))
        return
    if a is None and b is None:
        return
    a = a or Fig("0.00")
    b = b or Fig("0.00")
    rec(line, rule, a, b.iv, b.v, what)


def rle(line, rule, a, b, what):
    if a in (None, "BAD") or b in (None, "BAD"):
        return
    st = "ok" if a.iv.lo <= b.iv.hi else "ERR"
    FINDINGS.append((line, rule, st, f"{what}: {a.text} <= {b.text}"))


def rpct(line, rule, stated, part, whole, what):
    if isinstance(part, Fig):
        part = (part.iv, part.v)
    if isinstance(whole, Fig):
        whole = (whole.iv, whole.v)
    q = part[0].div(whole[0])
    if q is None:
        FINDINGS.append((line, rule, "skip", what + " (zero base)"))
        return
    rec(line, rule, stated, Iv(q.lo * 100, q.hi * 100), part[1] / whole[1] * 100, what)


# ------------------------------------------------------------------ tables
def tables(L):
    """label number -> (title line, [(line, cells)])"""
    out = {}
    titles = {
        "01": "收入支出决算总表",
        "02": "收入决算表",
        "03": "支出决算表",
        "04": "财政拨款收入支出决算总表",
        "05": "一般公共预算财政拨款支出决算表",
        "06": "一般公共预算财政拨款基本支出决算表",
        "07": "政府性基金预算财政拨款收入支出决算表",
        "08": "国有资本经营预算财政拨款支出决算表",
        "09": "财政拨款“三公”经费支出决算表",
        "10": "国有资产占用情况表",
    }
    for i, ln in enumerate(L):
        m = re.fullmatch(r"公开 (\d\d) 表", ln)
        if not m:
            continue
        nn = m.group(1)
        tl = None
        for j in range(i, max(0, i - 8), -1):
            if L[j] == titles[nn]:
                tl = j + 1
        rows = []
        j = i + 1
        while j < len(L) and T not in L[j]:
            j += 1
        while j < len(L) and (T in L[j] or L[j] == ""):
            if T in L[j]:
                rows.append((j + 1, L[j].split(T)))
            j += 1
        notes = " ".join(L[j : j + 4])
        out[nn] = (tl, rows, notes)
    return out


def check_tables(L):
    tb = tables(L)
    # TBL004
    toc = {
        "一": "01",
        "二": "02",
        "三": "03",
        "四": "04",
        "五": "05",
        "六": "06",
        "七": "07",
        "八": "08",
        "九": "09",
        "十": "10",
    }
    part2 = False
    for i, ln in enumerate(L[:60]):
        if ln.startswith("第二部分"):
            part2 = True
        elif ln.startswith("第三部分"):
            part2 = False
        m = re.match(r"- (.)、", ln)
        if part2 and m and toc[m.group(1)] not in tb:
            FINDINGS.append((i + 1, "TBL004", "ERR", ln))
    for nn, (tl, rows, notes) in tb.items():
        if nn in ("07", "08"):
            vals = [c for _, cells in rows if "合计" in cells for c in cells if num(c) not in (None, "BAD")]
            if all(F(c) == 0 for c in vals) and "数据为空" not in notes and "无数据" not in notes:
                FINDINGS.append((tl, "TBL005", "WARN", "empty table without note"))
    g = {}
    # ---- 01
    if "01" in tb:
        rows = tb["01"][1]
        inc, exp = {}, {}
        for n, c in rows:
            if c[0] == "本年收入合计":
                g["01.inc_total"] = num(c[2], n)
                g["01.exp_total"] = num(c[5], n)
                g["01.tot_line"] = n
            elif c[0].startswith("使用非财政"):
                g["01.nf"] = num(c[2], n)
                g["01.dist"] = num(c[5], n)
            elif c[0] == "年初结转和结余":
                g["01.cb"] = num(c[2], n)
                g["01.ce"] = num(c[5], n)
            elif c[0] == "总计":
                g["01.gl"] = num(c[2], n)
                g["01.gr"] = num(c[5], n)
                g["01.gline"] = n
            elif len(c) == 6 and c[1].isdigit() and int(c[1]) <= 26:
                if int(c[1]) <= 8:
                    inc[int(c[1])] = (n, num(c[2], n))
                exp[c[3].split("、", 1)[1]] = (n, num(c[5], n))
        g["01.inc"], g["01.exp"] = inc, exp
        n = g["01.tot_line"]
        rsum(n, "TBL001", g["01.inc_total"], [x for _, x in inc.values()], "01 本年收入合计 = Σ items")
        rsum(n, "TBL001", g["01.exp_total"], [x for _, x in exp.values()], "01 本年支出合计 = Σ classes")
        rsum(g["01.gline"], "TBL003", g["01.gl"], [g["01.inc_total"], g["01.nf"], g["01.cb"]], "01 income balance")
        rsum(
            g["01.gline"], "TBL003", g["01.gr"], [g["01.exp_total"], g["01.dist"], g["01.ce"]], "01 expenditure balance"
        )

    def code_table(nn, codecol, valcols, total_is):
        rows = tb[nn][1]
        data = {}
        for n, c in rows:
            key = c[codecol]
            if re.fullmatch(r"\d{3}|\d{5}|\d{7}", key):
                data[key] = (n, [num(c[k], n) for k in valcols])
            elif total_is(c):
                data["total"] = (n, [num(c[k], n) for k in valcols])
        for key, (n, vals) in data.items():
            if len(vals) > 1:
                rsum(n, "TBL002", vals[0], vals[1:], f"{nn} {key} row total")
            for cells in vals:
                if cells == "BAD":
                    FINDINGS.append((n, "TBL006", "ERR", f"{nn} {key}"))
            if key == "total":
                kids = [c for c in data if len(c) == 3]
            elif len(key) < 7:
                kids = [c for c in data if len(c) == len(key) + 2 and c.startswith(key)]
            else:
                kids = []
            if kids:
                for k in range(len(vals)):
                    rsum(n, "TBL001", vals[k], [data[c][1][k] for c in kids], f"{nn} {key} col{k} = Σ children")
        return data

    if "02" in tb:
        g["02"] = code_table("02", 0, range(3, 10), lambda c: c[0] == "" and c[3] not in ("", "合计"))
    if "03" in tb:
        g["03"] = code_table("03", 0, range(3, 9), lambda c: c[0] == "合计")
    if "05" in tb:
        g["05"] = code_table("05", 0, range(4, 7), lambda c: c[3] == "合计")
    # ---- 04
    if "04" in tb:
        rows = tb["04"][1]
        exp4 = {}
        for n, c in rows:
            if c[0] == "本年收入合计":
                g["04.inc_total"] = num(c[2], n)
                g["04.exp_total"] = [num(x, n) for x in c[5:9]]
                g["04.tl"] = n
            elif c[0] == "年初财政拨款结转和结余":
                g["04.cb"] = num(c[2], n)
                g["04.ce"] = [num(x, n) for x in c[5:9]]
                g["04.cbl"] = n
            elif c[0] == "总计":
                g["04.gl"] = num(c[2], n)
                g["04.gr"] = [num(x, n) for x in c[5:9]]
                g["04.gline"] = n
            elif c[1] in ("29", "30", "31"):
                g.setdefault("04.cbsub", []).append(num(c[2], n))
            elif c[1].isdigit() and int(c[1]) <= 26:
                if int(c[1]) <= 3:
                    g[f"04.inc{c[1]}"] = (n, num(c[2], n))
                exp4[c[3].split("、", 1)[1]] = (n, [num(x, n) for x in c[5:9]])
        g["04.exp"] = exp4
        rsum(g["04.tl"], "TBL001", g["04.inc_total"], [g[f"04.inc{k}"][1] for k in "123"], "04 income total")
        rsum(g["04.cbl"], "TBL001", g["04.cb"], g["04.cbsub"], "04 carry begin = Σ sub")
        for k in range(4):
            rsum(g["04.tl"], "TBL001", g["04.exp_total"][k], [v[1][k] for v in exp4.values()], f"04 exp total col{k}")
        for name, (n, vals) in list(exp4.items()) + [
            ("exp_total", (g["04.tl"], g["04.exp_total"])),
            ("ce", (g["04.cbl"], g["04.ce"])),
            ("grand", (g["04.gline"], g["04.gr"])),
        ]:
            if any(v is not None for v in vals):
                rsum(n, "TBL002", vals[0], vals[1:], f"04 {name} row")
        rsum(g["04.gline"], "TBL003", g["04.gl"], [g["04.inc_total"], g["04.cb"]], "04 income balance")
        for k in range(2):
            rsum(
                g["04.gline"], "TBL003", g["04.gr"][k], [g["04.exp_total"][k], g["04.ce"][k]], f"04 exp balance col{k}"
            )
    # ---- 06
    if "06" in tb:
        rows = tb["06"][1]
        e = {}
        for n, c in rows:
            for b in range(3):
                code = c[3 * b] if 3 * b < len(c) else ""
                if re.fullmatch(r"\d{3}|\d{5}", code):
                    v = num(c[3 * b + 2], n)
                    if v == "BAD":
                        FINDINGS.append((n, "TBL006", "ERR", f"06 {code} '{c[3 * b + 2]}'"))
                    e[code] = (n, v)
            if c[0] == "人员经费合计":
                e["personnel"] = (n, num(c[2], n))
                e["public"] = (n, num(c[8], n))
        for p in ("301", "302", "303", "307", "310", "399"):
            rsum(
                e[p][0], "TBL001", e[p][1], [v for k, (_, v) in e.items() if len(k) == 5 and k.startswith(p)], f"06 {p}"
            )
        rsum(e["personnel"][0], "TBL001", e["personnel"][1], [e["301"][1], e["303"][1]], "06 人员经费合计")
        rsum(
            e["public"][0], "TBL001", e["public"][1], [e[k][1] for k in ("302", "307", "310", "399")], "06 公用经费合计"
        )
        g["06"] = e
    # ---- 09
    if "09" in tb:
        rows = tb["09"][1]
        r9 = {}
        for n, c in rows:
            if c[1].isdigit():
                r9[int(c[1])] = (n, [num(x, n) for x in c[2:5]])
        for k in range(3):

            def col(i, k=k):
                return r9[i][1][k]

            rsum(r9[1][0], "TBL001", col(1), [col(2), col(3), col(6)], f"09 三公 col{k}")
            rsum(r9[3][0], "TBL001", col(3), [col(4), col(5)], f"09 车 col{k}")
            if k == 2:
                rsum(r9[6][0], "TBL001", col(6), [col(7), col(9)], "09 接待 = 国内 + 国外")
        g["09"] = r9
    if "10" in tb:
        rows = tb["10"][1]
        r10 = {int(c[1]): (n, num(c[2], n)) for n, c in rows if c[1].isdigit()}
        rsum(r10[1][0], "TBL001", r10[1][1], [r10[i][1] for i in range(2, 10)], "10 车辆数合计")
        g["10"] = r10
    # ---- cross-table
    if "01" in tb and "02" in tb:
        t2 = g["02"]["total"][1]
        inc = g["01.inc"]
        req(inc[1][0], "XTB001", inc[1][1], t2[1], "01 gpb(+fund+capital) vs 02 财政拨款")
        for k, col in ((4, 2), (5, 3), (6, 4), (7, 5), (8, 6)):
            req(inc[k][0], "XTB001", inc[k][1], t2[col], f"01 income {k} vs 02")
        req(g["01.tot_line"], "XTB001", g["01.inc_total"], t2[0], "01 本年收入合计 vs 02")
    if "01" in tb and "03" in tb:
        for name, (n, v) in g["01.exp"].items():
            code = {
                "一般公共服务支出": "201",
                "文化旅游体育与传媒支出": "207",
                "社会保障和就业支出": "208",
                "卫生健康支出": "210",
                "住房保障支出": "221",
            }.get(name)
            other = g["03"][code][1][0] if code else None
            req(n, "XTB002", v, other, f"01 {name} vs 03")
        req(g["01.tot_line"], "XTB002", g["01.exp_total"], g["03"]["total"][1][0], "01 本年支出合计 vs 03")
    if "04" in tb and "05" in tb:
        for name, (n, vals) in g["04.exp"].items():
            code = {
                "一般公共服务支出": "201",
                "文化旅游体育与传媒支出": "207",
                "社会保障和就业支出": "208",
                "卫生健康支出": "210",
                "住房保障支出": "221",
            }.get(name)
            other = g["05"][code][1][0] if code else None
            req(n, "XTB003", vals[1], other, f"04 {name} gpb vs 05")
        req(g["04.tl"], "XTB003", g["04.exp_total"][1], g["05"]["total"][1][0], "04 exp total gpb vs 05")
    if "05" in tb and "06" in tb:
        n, vals = g["05"]["total"]
        e = g["06"]
        rsum(n, "XTB004", vals[1], [e["personnel"][1], e["public"][1]], "05 基本支出 vs 06")
    if "06" in tb and "09" in tb:
        e, r9 = g["06"], g["09"]
        for code, row in (("30212", 2), ("30217", 6), ("30231", 5), ("31013", 4)):
            rle(e[code][0], "XTB005", e[code][1], r9[row][1][2], f"06 {code} <= 09")
    if "01" in tb and "04" in tb:
        for k in (1, 2, 3):
            req(g["01.inc"][k][0], "XTB006", g["01.inc"][k][1], g[f"04.inc{k}"][1], f"01 income {k} vs 04")
    # ---- 自评表
    se = []
    for i, ln in enumerate(L):
        if ln == "项目支出绩效自评表":
            j = i + 1
            while T not in L[j]:
                j += 1
            rows = []
            while T in L[j]:
                rows.append((j + 1, L[j].split(T)))
                j += 1
            se.append(rows)
    g["SE"] = []
    for rows in se:
        scores, weights = [], []
        info = {}
        for n, c in rows:
            if c[0] == "项目名称":
                info["name"] = c[1]
            elif c[1] == "年度资金总额":
                A, B, rate = num(c[3], n), num(c[4], n), num(c[6], n)
                rpct(n, "PRF002", rate, B, A, f"SE {info['name']} 执行率")
                scores.append(num(c[7], n))
                weights.append(num(c[5], n))
                info.update(line=n, A=A, B=B)
            elif (
                c[0] == ""
                and len(c) == 9
                and num(c[7]) not in (None, "BAD")
                and c[2] != "年度资金总额"
                and c[1] != "政府预算资金"
            ):
                scores.append(num(c[7], n))
                weights.append(num(c[6], n))
            elif c[0] == "满意度指标":
                scores.append(num(c[6], n))
                weights.append(num(c[5], n))
            elif c[0] == "总分":
                vals = [num(x, n) for x in c[1:] if num(x) not in (None, "BAD")]
                info["total"] = vals[1]
                info["tline"] = n
                rsum(n, "PRF001", vals[1], scores, f"SE {info['name']} 总分")
                rsum(n, "PRF003", vals[0], weights, f"SE {info['name']} 分值")
        g["SE"].append(info)
    return g


# ------------------------------------------------------------------ prose
def paragraphs(L):
    """Join physical lines into paragraphs; returns list of (text, [line per char])."""
    paras = []
    cur, idx = "", []
    for i, ln in enumerate(L):
        if ln == "" or T in ln:
            continue
        if cur and (cur[-1] in "。：:" or re.match(r"^[（(]?[一二三四五六七八九十\d]+[）)、.]", ln) or T in ln):
            paras.append((cur, idx))
            cur, idx = "", []
        cur += ln
        idx += [i + 1] * len(ln)
    if cur:
        paras.append((cur, idx))
    return paras


def check_prose(L, g):
    paras = paragraphs(L)
    text_all = "\n".join(p for p, _ in paras)

    def figs(p, idx, pat):
        for m in re.finditer(pat, p):
            yield m, [idx[m.start(k)] if m.start(k) >= 0 else None for k in range(len(m.groups()) + 1)]

    N = "([0-9]+(?:\\.[0-9]+)?)"
    C = "[，,] ?"
    # 比上年 claims
    for p, idx in paras:
        for m in re.finditer(
            r"(?:([^0-9 ，,；：]{2,}?)\s?)?"
            + N
            + r" 万元"
            + C
            + r"(?:决算数)?比上年(增加|减少) "
            + N
            + r" 万元(?:"
            + C
            + r"(增长|下降) "
            + N
            + "%)?",
            p,
        ):
            val, ch = Fig(m.group(2), idx[m.start(2)]), Fig(m.group(4), idx[m.start(4)])
            prev = (val.iv - ch.iv, val.v - ch.v) if m.group(3) == "增加" else (val.iv + ch.iv, val.v + ch.v)
            if m.group(5):
                if (m.group(3) == "增加") != (m.group(5) == "增长"):
                    FINDINGS.append((idx[m.start(5)], "CLM006", "ERR", m.group(0)))
                st = Fig(m.group(6), idx[m.start(6)])
                rpct(st.line, "CLM002", st, (ch.iv, ch.v), prev, "比上年 " + m.group(0)[:40])
            CLAIMS_PREV.append((m.group(0), val, ch, m.group(3), idx[m.start(4)]))
        for tag, pat in (
            (
                "SG",
                r"决算数 "
                + N
                + r" 万元(?:(?!决算数 [0-9]).)*?决算数比上年(增加|减少) "
                + N
                + r" 万元(?:[，,] ?(增长|下降) "
                + N
                + "%)?",
            ),
            (
                "OT",
                r"其他收入 "
                + N
                + r" 万元，占 [0-9.]+%，比上年(增加|减少) "
                + N
                + r" 万元(?:，(增长|下降) "
                + N
                + "%)?",
            ),
        ):
            for m in re.finditer(pat, p):
                val, ch = Fig(m.group(1), idx[m.start(1)]), Fig(m.group(3), idx[m.start(3)])
                prev = (val.iv - ch.iv, val.v - ch.v) if m.group(2) == "增加" else (val.iv + ch.iv, val.v + ch.v)
                if m.group(4):
                    if (m.group(2) == "增加") != (m.group(4) == "增长"):
                        FINDINGS.append((idx[m.start(4)], "CLM006", "ERR", m.group(0)))
                    st = Fig(m.group(5), idx[m.start(5)])
                    rpct(st.line, "CLM002", st, (ch.iv, ch.v), prev, "比上年2 " + m.group(0)[-40:])
                CLAIMS_PREV.append((tag + m.group(0)[-30:], val, ch, m.group(2), idx[m.start(3)]))
    # completion
    for p, idx in paras:
        for m in re.finditer(
            r"(年初|全年)预算数 " + N + " 万元" + C + "决算数 " + N + " 万元" + C + r"完成(年初|全年)预算的 " + N + "%",
            p,
        ):
            a, b, c = Fig(m.group(2)), Fig(m.group(3)), Fig(m.group(5), idx[m.start(5)])
            rpct(c.line, "CLM003", c, b, a, m.group(0)[:50])
        for m in re.finditer(
            r"预算数 "
            + N
            + " 万元"
            + C
            + "决算数 "
            + N
            + " 万元(?:[^。]*?|[^。]*。预决算差异主要原因：)决算数(大于|小于|等于)(年初|全年)预算数",
            p,
        ):
            a, b = Fig(m.group(1)), Fig(m.group(2))
            ok = {"大于": b.v > a.v, "小于": b.v < a.v, "等于": b.v == a.v}[m.group(3)]
            FINDINGS.append((idx[m.start(3)], "CLM006", "ok" if ok else "ERR", m.group(0)[:40]))

    # shares with known wholes
    def share_line(pat, whole, rule="CLM004"):
        out = []
        for p, idx in paras:
            for m in re.finditer(pat, p):
                part, st = Fig(m.group(1)), Fig(m.group(2), idx[m.start(2)])
                rpct(st.line, rule, st, part, whole, m.group(0)[:40])
                out.append(st)
        return out

    inc_total = g["01.inc_total"]
    s1 = share_line(r"财政拨款收入 " + N + " 万元，占 " + N + "%", inc_total)
    s1 += share_line(r"其他收入 " + N + " 万元，占 " + N + "%", inc_total)
    exp_total = g["01.exp_total"]
    s2 = share_line(r"基本支出 " + N + " 万元，占 " + N + "%", exp_total)
    s2 += share_line(r"项目支出 " + N + " 万元，占 " + N + "%", exp_total)
    for ss, what in ((s1, "收入构成"), (s2, "支出构成")):
        rsum(ss[-1].line, "CLM005", Fig("100.00"), ss, what) if ss else None
    # weights
    for p, idx in paras:
        m = re.search(r"决策指标占 (\d+)%，过程指标占 (\d+)%，产出指标占 (\d+)%，效益指标占 (\d+)%", p)
        if m:
            rsum(idx[m.start(1)], "CLM005", Fig("100"), [Fig(x) for x in m.groups()], "weights")
    # 政府采购
    for p, idx in paras:
        m = re.search(
            r"政府采购支出总额 "
            + N
            + " 万元, 其中: 政府采购货物支出 "
            + N
            + " 万元、政府采购工程支出 "
            + N
            + " 万元、政府采购服务支出 "
            + N
            + " 万元",
            p,
        )
        if m:
            gtot = Fig(m.group(1), idx[m.start(1)])
            rsum(gtot.line, "CLM007", gtot, [Fig(x) for x in m.groups()[1:]], "政府采购 parts")
        m = re.search(
            r"授予中小企业合同金额 "
            + N
            + " 万元, 占政府采购支出总额的 "
            + N
            + "%, 其中: 授予小微企业合同金额 "
            + N
            + " 万元, 占授予中小企业合同金额的 "
            + N
            + "%",
            p,
        )
        if m:
            sme, micro = Fig(m.group(1)), Fig(m.group(3))
            rpct(idx[m.start(2)], "CLM004", Fig(m.group(2)), sme, gtot, "SME share")
            rpct(idx[m.start(4)], "CLM004", Fig(m.group(4)), micro, sme, "micro share")
    # enumerations and counts
    for p, idx in paras:
        m = re.search(r"刊发青禾稿件 (\d+) 篇，其中：中央级媒体 (\d+) 篇、省级媒体 (\d+) 篇、市级媒体 (\d+) 篇", p)
        if m:
            rsum(idx[m.start(1)], "CLM007", Fig(m.group(1)), [Fig(x) for x in m.groups()[1:]], "媒体")
        m = re.search(r"实有人员 (\d+) 人，其中：行政人员 (\d+) 人、事业人员 (\d+) 人", p)
        if m:
            rsum(idx[m.start(1)], "CLM007", Fig(m.group(1)), [Fig(x) for x in m.groups()[1:]], "人员")
        m = re.search(
            r"离退休人员 (\d+) 人，其中：单位发放离退休费的人员 (\d+) 人，养老保险基金发放养老金的人员 (\d+) 人", p
        )
        if m:
            rsum(idx[m.start(1)], "CLM007", Fig(m.group(1)), [Fig(x) for x in m.groups()[1:]], "离退休")
        m = re.search(r"共有车辆 (\d+) 辆（台），其中：(.*?)。", p)
        if m:
            parts = [Fig(x) for x in re.findall(r"(\d+) 辆", m.group(2))]
            rsum(idx[m.start(1)], "CLM007", Fig(m.group(1)), parts, "车辆 parts")
            req(idx[m.start(1)], "CLM001", Fig(m.group(1)), g["10"][1][1], "车辆 vs 10")
            for k, x in zip(range(2, 10), re.finditer(r"(\d+) 辆", m.group(2)), strict=True):
                req(idx[m.start(2) + x.start(1)], "CLM001", Fig(x.group(1)), g["10"][k][1], f"vehicle kind {k}")
        m = re.search(r"（不含车辆）(\d+) 台（套）", p)
        if m:
            req(idx[m.start(1)], "CLM001", Fig(m.group(1)), g["10"][10][1], "设备")
        m = re.search(r"共涉及资金 ?" + N + r" 万元，占项目支出总额的 ?" + N + r" ?%，其中：(.*?)。", p)
        if m:
            money = Fig(m.group(1), idx[m.start(1)])
            rsum(money.line, "CLM007", money, [Fig(x) for x in re.findall(N + " 万元", m.group(3))], "money parts")
            rsum(money.line, "CLM009", money, [s["B"] for s in g["SE"]], "money vs SE")
            rpct(idx[m.start(2)], "CLM004", Fig(m.group(2)), money, g["03"]["total"][1][2], "money share")
        for pat in (
            r"单位共 (\d+) 个，即(.*?)。",
            r"设立 (\d+) 个内设机构，分别是：(.*?)。",
            r"设置 (\d+) 个一级指标，分别为：(.*?)。",
            r"全年对 (\d+) 个项目开展监控，分别为：(.*?)。",
        ):
            m = re.search(pat, p)
            if m:
                cnt = len(m.group(2).split("、"))
                reqx(idx[m.start(1)], "CLM008", Fig(m.group(1)), cnt, pat[:8])
        m = re.search(r"下设(.*?) (\d+) 个二级指标", p)
        if m:
            reqx(idx[m.start(2)], "CLM008", Fig(m.group(2)), len(m.group(1).split("、")), "二级指标")
    # scores / ratings / average
    SE = g["SE"]

    def rating(s):
        return "优" if s >= 90 else "良" if s >= 80 else "中" if s >= 60 else "差"

    for p, idx in paras:
        m = re.search(r"平均分为 " + N + " 分", p)
        if m:
            tot = [s["total"] for s in SE]
            iv = Iv(sum(t.iv.lo for t in tot) / 3, sum(t.iv.hi for t in tot) / 3)
            rec(idx[m.start(1)], "CLM009", Fig(m.group(1)), iv, sum(t.v for t in tot) / 3, "average")
        for m in re.finditer(r"(\d+) 个项目评价结果为“(.)”", p):
            cnt = sum(1 for s in SE if rating(s["total"].v) == m.group(2))
            reqx(idx[m.start(1)], "CLM009", Fig(m.group(1)), cnt, "rating " + m.group(2))
        for m in re.finditer(r"“([^”]+)”(?:项目评价)?得分 " + N + " 分", p):
            for s in SE:
                if s["name"] == m.group(1):
                    req(idx[m.start(2)], "CLM009", Fig(m.group(2)), s["total"], "score " + s["name"])
        m = re.search(r"对\d+年度“([^”]+)”项目开展了部门绩效评价工作，自评得分 " + N + " 分", p)
        if m:
            for s in SE:
                if s["name"] == m.group(1):
                    req(idx[m.start(2)], "CLM009", Fig(m.group(2)), s["total"], "部门评价 score")
        m = re.search(r"二级项目 (\d+) 个", p)
        if m:
            reqx(idx[m.start(1)], "CLM009", Fig(m.group(1)), len(SE), "project count")
    # repeated quantities (CLM010) and YTD (CLM011)
    for pat in (r"整体自评得分 (\d+) 分", r"全年累计开展理论宣讲 (\d+) 场次", r"综合材料 (\d+) 余篇"):
        seen = []
        for p, idx in paras:
            for m in re.finditer(pat, p):
                seen.append(Fig(m.group(1), idx[m.start(1)]))
        for s in seen[1:]:
            req(s.line, "CLM010", s, seen[0], pat)
        if pat.startswith("全年累计"):
            FULL.extend(seen)
    for p, idx in paras:
        for m in re.finditer(r"截至第三季度，全县累计开展理论宣讲 (\d+) 场次", p):
            y = Fig(m.group(1), idx[m.start(1)])
            for f_ in FULL:
                rle(y.line, "CLM011", y, f_, "YTD")
    # CLM013
    for p, idx in paras:
        m = re.search(r"本年支出年初预算数 " + N + " 万元", p)
        if m:
            tot = Fig(m.group(1), idx[m.start(1)])
    cls = re.findall(r"（类）年初预算数 " + N + " 万元", text_all)
    rsum(tot.line, "CLM013", tot, [Fig(x) for x in cls], "Σ class 年初预算")

    # CLM001 restatements
    def restate(pat, fact, what, nth=None):
        for p, idx in paras:
            for m in re.finditer(pat, p):
                req(idx[m.start(1)], "CLM001", Fig(m.group(1)), fact, what)

    restate(r"收入总计 " + N, g["01.gl"], "收入总计")
    restate(r"支出总计 " + N, g["01.gr"], "支出总计")
    restate(r"其中年初结转和结余 " + N, g["01.cb"], "年初结转")
    restate(r"；本年收入合计 " + N, g["01.inc_total"], "本年收入合计")
    restate(r"其中本年支出合计 " + N, g["01.exp_total"], "本年支出合计")
    restate(r"；年末结转和结余 " + N, g["01.ce"], "年末结转")
    restate(r"财政拨款收入 " + N, g["01.inc"][1][1], "财政拨款收入")
    restate(r"其他收入 " + N, g["01.inc"][8][1], "其他收入")
    restate(r"：基本支出 " + N, g["03"]["total"][1][1], "基本支出 03")
    restate(r"^项目支出 " + N, g["03"]["total"][1][2], "项目支出 03")
    restate(r"本年支出年初预算数 [0-9.]+ 万元，决算数 " + N, g["05"]["total"][1][0], "决算 total")
    for code, name in (
        ("201", "一般公共服务支出"),
        ("207", "文化旅游体育与传媒支出"),
        ("208", "社会保障和就业支出"),
        ("210", "卫生健康支出"),
        ("221", "住房保障支出"),
    ):
        restate(name + r"（类）年初预算数 [0-9.]+ 万元，决算数 " + N, g["05"][code][1][0], name)
    e = g["06"]
    restate(r"财政拨款基本支出 " + N, g["05"]["total"][1][1], "基本支出 05")
    restate(r"工资福利支出 " + N, e["301"][1], "301")
    restate(r"商品和服务支出 " + N, e["302"][1], "302")
    restate(r"对个人和家庭的补助支出 " + N, e["303"][1], "303")
    restate(r"资本性支出 " + N, e["310"][1], "310")
    restate(r"机关运行经费支出 " + N, e["public"][1], "机关运行经费")
    r9 = g["09"]
    restate(r"“三公”经费支出全年预算数 " + N, r9[1][1][1], "三公 全年")
    restate(r"“三公”经费支出全年预算数 [0-9.]+ 万元，决算数 " + N, r9[1][1][2], "三公 决算")
    restate(r"因公出国（境）费全年预算数 " + N, r9[2][1][1], "出国 全年")
    restate(r"因公出国（境）费全年预算数 [0-9.]+ 万元，决算数 " + N, r9[2][1][2], "出国 决算")
    restate(r"公务用车购置及运行维护费全年预算数 " + N, r9[3][1][1], "车 全年")
    restate(r"公务用车购置及运行维护费全年预算数 [0-9.]+ 万元，决算数 " + N, r9[3][1][2], "车 决算")
    restate(r"公务用车购置全年预算数 " + N, r9[4][1][1], "购置 全年")
    restate(r"公务用车购置全年预算数 [0-9.]+ 万元，决算数 " + N, r9[4][1][2], "购置 决算")
    restate(r"公务用车运行维护费全年预算数 " + N, r9[5][1][1], "运维 全年")
    restate(r"公务用车运行维护费全年预算数 [0-9.]+ 万元, 决算数 " + N, r9[5][1][2], "运维 决算")
    restate(r"公务接待费全年预算数 " + N, r9[6][1][1], "接待 全年")
    restate(r"公务接待费全年预算数 [0-9.]+ 万元, 决算数 " + N, r9[6][1][2], "接待 决算")
    restate(r"团组 (\d+) 个", r9[11][1][2], "团组")
    restate(r"累计 (\d+) 人次。", r9[12][1][2], "出国人次")
    restate(r"购置公务用车 (\d+) 辆", r9[13][1][2], "购置数")
    restate(r"保有量 (\d+) 辆", r9[14][1][2], "保有量")
    restate(r"国内公务接待 (\d+) 批", r9[15][1][2], "批次")
    restate(r"累计接待 (\d+) 人次", r9[17][1][2], "接待人次")
    restate(r"整体支出绩效评价，涉及一般公共预算支出 " + N, g["05"]["total"][1][0], "整体 支出")
    restate(r"部门评价，为：[^。]*。涉及一般公共预算支出 " + N, SE[0]["B"], "部门评价 money")


def prior_checks(L, g):
    """CLM012: prior 年末结转 = current 年初结转; Σ priors of 一 = Σ priors of 二."""
    pri = {}
    for txt, val, ch, word, line in CLAIMS_PREV:
        prev_iv = (val.iv - ch.iv) if word == "增加" else (val.iv + ch.iv)
        pri[txt] = (prev_iv, val.v - ch.v if word == "增加" else val.v + ch.v, line)

    def find(prefix):
        for k, v in pri.items():
            if prefix in k[:14]:
                return v

    cb, ce = g["01.cb"], find("年末结转和结余")
    inc, exp = find("本年收入合计"), find("本年支出合计")
    cbp = find("年初结转和结余")
    if ce:
        rec(ce[2], "CLM012", cb, ce[0], ce[1], "prior 年末结转 = 年初结转")
        lhs = (cbp[0] + inc[0], cbp[1] + inc[1])
        rhs_iv, rhs_mid = exp[0] + ce[0], exp[1] + ce[1]
        ok = lhs[0].meets(rhs_iv)
        FINDINGS.append((ce[2], "CLM012", "ok" if ok else "ERR", f"Σ priors 一 {float(lhs[1])} vs 二 {float(rhs_mid)}"))
    fam = sorted(sangong_family().items())
    if len(fam) >= 3:  # total first, then the parts stated with a change (出国/购置 are 持平 at 0)
        (tl, (tiv, tmid, _)), parts = fam[0], fam[1:]
        iv, mid = Iv(F(0), F(0)), F(0)
        for _, (piv, pmid, _) in parts:
            if pmid:
                iv, mid = iv + piv, mid + pmid
        FINDINGS.append(
            (
                tl,
                "CLM012",
                "ok" if tiv.meets(iv) else "ERR",
                f"三公 prior {float(tmid)} vs Σ parts' priors {float(mid)}",
            )
        )


def sangong_family():
    sg = [c for c in CLAIMS_PREV if c[0].startswith("SG")]
    out = {}
    for txt, val, ch, word, line in sg:
        prev_iv = (val.iv - ch.iv) if word == "增加" else (val.iv + ch.iv)
        mid = val.v - ch.v if word == "增加" else val.v + ch.v
        out[line] = (prev_iv, mid, txt)
    return out


CLAIMS_PREV = []
FULL = []


def run(L):
    """All relations of one report given as its lines: [(line, rule, ok|RND|ERR|WARN|skip, what)]."""
    FINDINGS.clear()
    CLAIMS_PREV.clear()
    FULL.clear()
    g = check_tables(L)
    check_prose(L, g)
    prior_checks(L, g)
    return list(FINDINGS), CLAIMS_PREV[:]


# ------------------------------------------------------------------ manifest, cross-year, main

HERE = Path(__file__).resolve().parent
CLEAN24 = HERE / "qinghe-xuanchuanbu-2024.txt"
CLEAN23 = HERE / "qinghe-xuanchuanbu-2023.txt"
SLIPS = HERE / "qinghe-xuanchuanbu-2024-slips.txt"
MANIFEST = HERE / "qinghe-xuanchuanbu-2024-slips.toml"
RULES = {
    "TBL001",
    "TBL002",
    "TBL003",
    "TBL004",
    "TBL005",
    "TBL006",
    "XTB001",
    "XTB002",
    "XTB003",
    "XTB004",
    "XTB005",
    "XTB006",
    "XTB007",
    "PRF001",
    "PRF002",
    "PRF003",
    "RND001",
} | {f"CLM{i:03d}" for i in range(1, 14)}


def read_lines(path):
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text, f"{path.name}: UTF-8 with LF line endings expected"
    return text.split("\n")[:-1]


def apply(clean, slip):
    out = list(clean)
    for e in [{"line": slip["line"], "clean": slip["clean"], "planted": slip["planted"]}] + slip.get("also", []):
        ln = out[e["line"] - 1]
        if ln == e["clean"]:
            out[e["line"] - 1] = e["planted"]
        else:
            assert ln.count(e["clean"]) == 1, (slip["id"], e)
            out[e["line"] - 1] = ln.replace(e["clean"], e["planted"])
    return out


def errors(lines):
    found, _ = run(lines)
    return {(ln, r) for ln, r, st, _ in found if st in ("ERR", "WARN")}, found


CROSS = [  # (pattern whose group 1 is the figure, in both years)
    r"其中年初结转和结余 ([0-9.]+) 万元",
    r"使用非财政拨款结余\(含专用结余\) ([0-9.]+) 万元",
    r"；本年收入合计 ([0-9.]+) 万元",
    r"其他收入 ([0-9.]+) 万元",
    r"其中本年支出合计 ([0-9.]+) 万元",
    r"结余分配 ([0-9.]+) 万元",
    r"；年末结转和结余 ([0-9.]+) 万元",
    r"工资福利支出 ([0-9.]+) 万元",
    r"商品和服务支出 ([0-9.]+) 万元",
    r"对个人和家庭的补助支出 ([0-9.]+) 万元",
    r"资本性支出 ([0-9.]+) 万元",
    r"“三公”经费支出全年预算数 [0-9.]+ 万元，决算数 ([0-9.]+) 万元",
    r"因公出国（境）费全年预算数 [0-9.]+ 万元，决算数 ([0-9.]+) 万元",
    r"公务用车购置全年预算数 [0-9.]+ 万元，决算数 ([0-9.]+) 万元",
    r"公务用车运行维护费全年预算数 [0-9.]+ 万元, 决算数 ([0-9.]+) 万元",
    r"公务接待费全年预算数 [0-9.]+ 万元, 决算数 ([0-9.]+) 万元",
    r"机关运行经费支出 ([0-9.]+) 万元",
]


def cross_year(l24, l23):
    t24, t23 = "\n".join(l24), "\n".join(l23)
    bad = []
    for pat in CROSS:
        m24, m23 = re.search(pat, t24), re.search(pat, t23)
        rest = t24[m24.end() :].split("\n", 1)[0]
        c = re.search(r"比上年(增加|减少) ([0-9.]+) 万元|与上年持平", rest)
        cur = F(m24.group(1))
        prev = cur if c.group(1) is None else (cur - F(c.group(2)) if c.group(1) == "增加" else cur + F(c.group(2)))
        if prev != F(m23.group(1)):
            bad.append(f"{pat}: 2024 implies {prev}, 2023 states {m23.group(1)}")
    g24, g23 = check_tables(l24), check_tables(l23)
    if g23["01.ce"].v != g24["01.cb"].v:
        bad.append("2023 年末结转和结余 ≠ 2024 年初结转和结余")
    return bad


def main():
    ok = True
    clean, c23, slipped = read_lines(CLEAN24), read_lines(CLEAN23), read_lines(SLIPS)
    man = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["slip"]
    # 1. manifest integrity
    assert len(slipped) == len(clean), "slips file must keep the clean file's line count"
    rebuilt, edited = list(clean), set()
    for s in man:
        rebuilt = apply(rebuilt, s)
        for ln in [s["line"]] + [e["line"] for e in s.get("also", [])]:
            assert ln not in edited, f"line {ln} edited by two slips"
            edited.add(ln)
        for e in s["expect"]:
            assert e["rule"] in RULES, e
    assert len({s["id"] for s in man}) == len(man)
    if rebuilt != slipped:
        ok = False
        print(
            "manifest edits do not reproduce the slips file at lines",
            [i + 1 for i, (a, b) in enumerate(zip(rebuilt, slipped, strict=True)) if a != b],
        )
    print(f"manifest: {len(man)} slips, {len(edited)} edited lines, slips file rebuilt: {rebuilt == slipped}")
    # 2. clean files
    for path, lines in ((CLEAN24, clean), (CLEAN23, c23)):
        errs, found = errors(lines)
        rnd = [(ln, r, w) for ln, r, st, w in found if st == "RND"]
        print(f"{path.name}: {len(found)} relations, {len(errs)} errors, {len(rnd)} within rounding only")
        for x in rnd:
            print("   RND", x)
        if errs:
            ok = False
            print("   ERRORS", sorted(errs))
    # 3. cross-year
    bad = cross_year(clean, c23)
    print("2023 ↔ 2024 比上年:", "consistent" if not bad else bad)
    ok &= not bad
    # 4. slips
    expected = {(e["line"], e["rule"]) for s in man for e in s["expect"]}
    got, _ = errors(slipped)
    if got != expected:
        ok = False
        print("slips file: missing", sorted(expected - got), "unexpected", sorted(got - expected))
    for s in man:
        alone, _ = errors(apply(clean, s))
        want = {(e["line"], e["rule"]) for e in s["expect"]}
        if alone != want:
            ok = False
            print(f"{s['id']} alone: got {sorted(alone)}, manifest says {sorted(want)}")
    print("slips file: found set == manifest expect set:", got == expected)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
