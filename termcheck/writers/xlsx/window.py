"""What a Findings row shows of a long segment: a window of text around the finding, marked "…" where cut.

A row used to hold the whole segment, so a 512 KB line with 16,000 findings wrote 16,000 copies of it
(cut at Excel's cell limit) and took 40 s; the Segments sheet shows the whole segment once. The window is
a function of the text and the span alone, so `review apply` finds it again: a Correction written over
the window, its "…" marks kept, corrects that part of the target and leaves the rest as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[int, int]
CONTEXT = 200  # characters shown on each side of the finding
WORD_SLACK = 20  # how far a cut moves inwards to fall between words
MARK = "…"


def window(text: str, span: Span | None) -> Span:
    """The part of `text` a row shows: CONTEXT characters each side of `span` (from the start where there is
    none), each cut moved inwards to the nearest space within WORD_SLACK characters, never into the span.
    The whole text when it is short."""
    focus_start, focus_end = (max(0, min(span[0], len(text))), max(0, min(span[1], len(text)))) if span else (0, 0)
    start = max(0, focus_start - CONTEXT)
    end = min(len(text), max(focus_end, focus_start) + CONTEXT + (0 if span else CONTEXT))
    if start > 0:
        space = text.find(" ", start, min(start + WORD_SLACK, focus_start))
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", max(end - WORD_SLACK, focus_end), end)
        end = space if space >= 0 else end
    return start, end


def windowed(text: str, spans: Sequence[Span]) -> tuple[str, list[Span]]:
    """The text a row shows for a finding at `spans[0]` (if any), with the spans moved into it."""
    start, end = window(text, spans[0] if spans else None)
    if start == 0 and end == len(text):
        return text, list(spans)
    lead = MARK if start > 0 else ""
    shift = len(lead) - start
    return lead + text[start:end] + (MARK if end < len(text) else ""), [(s + shift, e + shift) for s, e in spans]


class WindowMarksMissing(ValueError):
    pass


def whole_correction(correction: str, text: str, span: Span | None) -> str:
    """The whole corrected text for a Correction written over a row's window of `text`: a Correction that keeps
    every "…" mark of the window replaces the window and keeps the text outside it; one without marks is the
    whole corrected text, as ever. WindowMarksMissing when it keeps one mark of two."""
    start, end = window(text, span)
    cut_start, cut_end = start > 0, end < len(text)
    if not (cut_start or cut_end):
        return correction
    has_start = cut_start and correction.startswith(MARK)
    has_end = cut_end and correction.endswith(MARK) and len(correction) >= len(MARK) * (1 + has_start)
    if not (has_start or has_end):
        return correction
    if has_start != cut_start or has_end != cut_end:
        raise WindowMarksMissing(
            f"the Correction keeps only one of the {MARK} marks of the row's shortened target; keep both "
            "(the text beyond them stays as it is) or write the whole corrected target"
        )
    inner = correction[len(MARK) if has_start else 0 : len(correction) - len(MARK) if has_end else len(correction)]
    return text[:start] + inner + text[end:]
