#!/usr/bin/env python3
"""How plain each topic's, questionnaire's and practice's text is, measured with textstat 0.7.4.

Usage: python3 scripts/reading_level.py [--max 8] [--es-min 55] [--es-median 65] [FILE.toml ...]
With no files, checks every topic, questionnaire and practice under content/*/.

English (any file not under a `es/` folder): the Flesch-Kincaid grade; exits 1 if any file is
above --max. Spanish (files under `es/`): the Szigriszt-Pazos score on the INFLESZ scale (65 or
more is "bastante fácil"), with Fernández Huerta beside it; exits 1 if a topic is below
--es-min or the median of the topics is below --es-median. Headings, commands, code spans,
link targets and the source list are left out, as CONTENT-GUIDE.md asks.
"""
import argparse
import glob
import re
import statistics
import sys
import tomllib

import textstat  # pip install textstat==0.7.4 (later releases download a dictionary)


def plain(markdown: str) -> str:
    text = re.sub(r"`[^`]*`", "", markdown)              # code spans (commands)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)   # links: keep the words
    text = re.sub(r"[*_]+", "", text)                      # emphasis markers
    sentences = []
    for block in re.split(r"\n\s*\n", text):
        # A list item is its own unit; other lines of a paragraph join up.
        units, current = [], []
        for line in block.splitlines():
            line = line.strip()
            if re.match(r"^-\s+", line):
                if current:
                    units.append(" ".join(current))
                current = [re.sub(r"^-\s+", "", line)]
            elif line:
                current.append(line)
        if current:
            units.append(" ".join(current))
        for unit in units:
            # a list item or a heading-like line without a full stop still ends a sentence
            sentences.append(unit if unit[-1] in ".!?:" else unit + ".")
    return "\n".join(sentences)


def body_text(doc: dict) -> str:
    """The reader-facing text of a topic, a questionnaire, a practice, the feelings vocabulary
    or the words said to a person who typed words of crisis."""
    parts = [doc.get("summary", ""), doc.get("content_note", ""), doc.get("intro", ""),
             doc.get("why", ""), doc.get("closing", ""), doc.get("none_chosen", "")]
    for step in doc.get("steps", []):
        parts += [step.get("text", ""), step.get("prompt", "")]
    for family in doc.get("families", []):
        parts.append(family.get("meaning", ""))
        for word in family.get("words", []):
            parts += [word.get("meaning", ""), word.get("body", "")]
    parts += [s.get("body", "") for s in doc.get("sections", [])]
    parts += doc.get("key_points", [])
    parts += doc.get("try_this", [])
    for item in doc.get("items", []):
        parts += [item.get("text", ""), item.get("plan", "")]
    if isinstance(doc.get("words"), str):
        parts.append(doc["words"])
    for group in doc.get("groups", []):
        parts.append(group.get("words", ""))
    for facet in doc.get("facets", []):
        parts += [facet.get("meaning", ""), facet.get("reach_out", "")]
        for band in facet.get("bands", []):
            parts += [band.get("words", ""), band.get("next_step", "")]
    return "\n\n".join(plain(p) for p in parts if p)


def is_spanish(path: str) -> bool:
    return "/es/" in "/" + path.replace("\\", "/")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=float, default=8.0)
    ap.add_argument("--es-min", type=float, default=55.0)
    ap.add_argument("--es-median", type=float, default=65.0)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(
        glob.glob("content/*/topics/*.toml")
        + glob.glob("content/*/questionnaires/*.toml")
        + glob.glob("content/*/practices/*.toml")
        + glob.glob("content/*/feelings.toml")
        + glob.glob("content/*/crisis.toml")
    )
    worst = 0
    spanish_topics = []
    for path in files:
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        text = body_text(doc)
        if is_spanish(path):
            textstat.set_lang("es")
            score = textstat.szigriszt_pazos(text)
            huerta = textstat.fernandez_huerta(text)
            words = textstat.lexicon_count(text)
            low = "/topics/" in path and score < args.es_min
            flag = f"  <-- below {args.es_min:g}" if low else ""
            print(f"{path}: INFLESZ {score:.1f}, Fernández Huerta {huerta:.1f} ({words} words){flag}")
            if "/topics/" in path:
                spanish_topics.append(score)
            if low:
                worst = 1
            continue
        textstat.set_lang("en")
        grade = textstat.flesch_kincaid_grade(text)
        words = textstat.lexicon_count(text)
        flag = "" if grade <= args.max else f"  <-- above {args.max:g}"
        print(f"{path}: grade {grade:.1f} ({words} words){flag}")
        if grade > args.max:
            worst = 1
    if spanish_topics:
        median = statistics.median(spanish_topics)
        flag = "" if median >= args.es_median else f"  <-- below {args.es_median:g}"
        print(f"Spanish topics: median INFLESZ {median:.1f} over {len(spanish_topics)}{flag}")
        if median < args.es_median:
            worst = 1
    return worst


if __name__ == "__main__":
    sys.exit(main())
