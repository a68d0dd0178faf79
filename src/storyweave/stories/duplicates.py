"""Near-duplicate and syndicated copies: MinHash signatures of word shingles in an LSH index.

A copy is an article whose shingles overlap an earlier article's by the Jaccard
threshold or more; the lookup costs the same whatever the size of the corpus.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE = 4
PERMUTATIONS = 64
COPY_JACCARD = 0.8
MAX_WORDS = 100  # the opening of an article is enough to recognise its copies
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


class NearDuplicates:
    """Finds, for each new text, an earlier text it copies (if any), then remembers it."""

    def __init__(self, threshold: float = COPY_JACCARD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        self._signatures: dict[int, MinHash] = {}
        template = MinHash(num_perm=PERMUTATIONS, hashfunc=_given)
        self._permutations, self._scheme = template.permutations, template.scheme  # drawn once, shared
        self.threshold = threshold

    def add(self, key: int, text: str) -> int | None:
        """The key of an earlier copy of ``text``, or None; ``text`` is remembered under ``key``."""
        signature = MinHash(
            num_perm=PERMUTATIONS, hashfunc=_given, permutations=self._permutations, scheme=self._scheme
        )
        signature.update_batch(shingle_hashes(text))
        original = None
        for candidate in self._lsh.query(signature):
            if signature.jaccard(self._signatures[candidate]) >= self.threshold:
                original = candidate if original is None else min(original, candidate)
        self._lsh.insert(key, signature)
        self._signatures[key] = signature
        return original

    def remove(self, key: int) -> None:
        """Forget a text (it has left the time window)."""
        if self._signatures.pop(key, None) is not None:
            self._lsh.remove(key)
