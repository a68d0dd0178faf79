"""Near-duplicate and syndicated copies: MinHash signatures of word shingles in an LSH index.

A copy is an article whose shingles overlap an earlier article's by the Jaccard
threshold or more; the lookup costs the same whatever the size of the corpus.
"""

from __future__ import annotations

import re
import zlib
from collections import deque

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE = 4
PERMUTATIONS = 64
COPY_JACCARD = 0.8
MAX_WORDS = 100  # the opening of an article is enough to recognise its copies
TIDY_PER_ADD = 64  # forgotten texts taken out of the index with each new one (a few hundred microseconds at most;
# more than leave the window with each article, so the forgotten never pile up)
_WORD = re.compile(r"\w+")


_MULTIPLIER = np.uint64(0x01000193)  # odd, so consecutive word hashes spread over all 32 bits
_MASK = np.uint64(0xFFFFFFFF)


def shingle_hashes(text: str) -> list[int]:
    """32-bit hashes of the word shingles of the opening of ``text``.

    Each word is hashed once (crc32) and each shingle's hash is a polynomial of its words' hashes,
    so a shingle never has to be joined into a string and hashed again.
    """
    words = _WORD.findall(text.lower())[:MAX_WORDS] or [""]
    hashes = np.array([zlib.crc32(word.encode()) for word in words], dtype=np.uint64)
    size = min(SHINGLE, len(words))
    count = len(words) - size + 1
    combined = hashes[:count]
    for offset in range(1, size):
        combined = (combined * _MULTIPLIER + hashes[offset : offset + count]) & _MASK
    return combined.tolist()


def _given(value: int) -> int:
    """The hash function for values that are hashes already."""
    return value


_TEMPLATE = MinHash(num_perm=PERMUTATIONS, hashfunc=_given)  # its permutations, drawn once (seeded), are shared


def _minhash(hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(
        num_perm=PERMUTATIONS,
        hashfunc=_given,
        hashvalues=hashvalues,
        permutations=_TEMPLATE.permutations,
        scheme=_TEMPLATE.scheme,
    )


def signature(text: str) -> np.ndarray:
    """The MinHash signature of the word shingles of the opening of ``text`` (its hash values)."""
    minhash = _minhash()
    minhash.update_batch(shingle_hashes(text))
    return np.asarray(minhash.hashvalues)


class NearDuplicates:
    """Finds, for each new text (given by its signature), an earlier text it copies (if any), then remembers it."""

    def __init__(self, threshold: float = COPY_JACCARD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        self._signatures: dict[int, np.ndarray] = {}  # the texts remembered
        self._forgotten: deque[int] = deque()  # texts forgotten but still in the LSH index, taken out a few at a time
        self.threshold = threshold

    def add(self, key: int, hashvalues: np.ndarray) -> int | None:
        """The key of an earlier copy of the text whose :func:`signature` this is, or None; it is remembered
        under ``key``."""
        self._tidy(TIDY_PER_ADD)
        minhash = _minhash(hashvalues)
        original = None
        for candidate in self._lsh.query(minhash):
            kept = self._signatures.get(candidate)
            if kept is not None and np.count_nonzero(hashvalues == kept) >= self.threshold * PERMUTATIONS:
                original = candidate if original is None else min(original, candidate)
        self._lsh.insert(key, minhash)
        self._signatures[key] = hashvalues
        return original

    def remove(self, key: int) -> None:
        """Forget a text (it has left the time window): at once for copies, from the index over the next adds."""
        if self._signatures.pop(key, None) is not None:
            self._forgotten.append(key)

    def remove_many(self, keys: list[int]) -> None:
        """Forget many texts: over the next adds, or, when most of the index goes (a window's articles after a
        quiet day), by building the index again from the texts that stay (it finds the same copies either way)."""
        if 2 * len(keys) <= len(self._signatures):
            for key in keys:
                self.remove(key)
            return
        for key in keys:
            self._signatures.pop(key, None)
        self._forgotten.clear()
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=PERMUTATIONS)
        for key, hashvalues in self._signatures.items():
            self._lsh.insert(key, _minhash(hashvalues))

    def _tidy(self, most: int) -> None:
        """Take up to ``most`` forgotten texts out of the LSH index (each costs a few microseconds: thousands at
        once, a window's day leaving, would stall the add that drops them)."""
        for _ in range(min(most, len(self._forgotten))):
            self._lsh.remove(self._forgotten.popleft())
