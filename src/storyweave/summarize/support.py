"""Whether two sentences report the same information.

Meaning alone (cosine of sentence embeddings) confuses sentences on the same
topic; shared words alone miss rewordings. The match score blends both:
``0.5 * cosine + 0.5 * overlap``, where overlap is the share of the shorter
sentence's content words (numbers included) found in the other.
"""

from __future__ import annotations

import re

import numpy as np

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.:]*\d|\d")
STOP_WORDS = frozenset(
    """
    a an the and or but if of at by for with about against between into through during before after
    above below to from up down in out on off over under again further then once here there when where
    why how all any both each few more most other some such no nor not only own same so than too very
    can will just should now is are was were be been being have has had having do does did doing would
    could might must shall may said says say told tells according also its it it's he she they them his
    her their we our you your i me my this that these those who whom which what as one
    """.split()
)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words and numbers, with a crude plural stem."""
    words = set()
    for token in _WORD.findall(text):
        token = token.lower().strip("'’-")
        if (len(token) < 2 and not token.isdigit()) or token in STOP_WORDS:
            continue
        words.add(token[:-1] if token.endswith("s") and len(token) > 3 else token)
    return frozenset(words)


def overlap_matrix(words: list[frozenset[str]]) -> np.ndarray:
    """overlap[i, j] = |w_i & w_j| / min(|w_i|, |w_j|), computed as one matrix product."""
    n = len(words)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    counts: dict[str, int] = {}
    for ws in words:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    vocabulary = {w: k for k, w in enumerate(w for w, c in counts.items() if c > 1)}
    incidence = np.zeros((n, max(len(vocabulary), 1)), dtype=np.float32)
    for i, ws in enumerate(words):
        for w in ws:
            k = vocabulary.get(w)
            if k is not None:
                incidence[i, k] = 1.0
    shared = incidence @ incidence.T
    sizes = np.array([max(len(ws), 1) for ws in words], dtype=np.float32)
    return shared / np.minimum(sizes[:, None], sizes[None, :])


def match_scores(similarity: np.ndarray, overlap: np.ndarray) -> np.ndarray:
    """The blended same-information score, in [0, 1]."""
    return 0.5 * np.clip(similarity, 0.0, 1.0) + 0.5 * overlap
