"""Near-duplicate documents (resumes, cover letters) with MinHash and LSH bands.

A document becomes the set of its word 3-grams (shingles); its MinHash signature is made by
one-permutation hashing with densification (Li, Owen and Zhang 2012; Shrivastava and Li
2014): each shingle's salted hash falls into one of ``NUM_PERM`` bins and each bin keeps its
minimum, so that the share of equal positions in two signatures estimates the Jaccard
similarity of the two sets, at the cost of one hash per shingle. The
signature is cut into bands; each band's hash is an identifier (kind ``resume`` or
``cover_letter``) stored like a phone number or an e-mail, so that documents sharing a band
are found by the same indexed look-up as every other link, and are then verified with the
estimated Jaccard (:func:`jaccard`).

Everything is vectorised with numpy over a batch of documents: words are hashed with a
polynomial rolling hash computed by prefix sums (no Python loop over words), and the
signature of a whole batch is a few matrix operations. Word characters are letters and
digits in any script (bytes of multi-byte UTF-8 characters count as letters), so the
method treats every language alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

NUM_PERM = 64
BAND_ROWS = 4
"""Signature values per LSH band. Two copies with Jaccard J share a band with probability
J**rows; with 8 bands and two shared bands required before the signatures are compared,
4 rows find a copy at J = 0.8 nine times in ten and at 0.7 six in ten (8 rows: four and
one in ten), while pairs at J = 0.5 come up for comparison one time in twelve. A resume
copied with a few words changed is J = 0.7-0.9 on a short resume."""
SHINGLE = 3
MIN_WORDS = 12  # shorter texts carry too little to call two of them near-duplicates
MAX_CHARS = 20_000  # a resume's first 20,000 characters are plenty to recognise it
_BIN_BITS = 6  # 2**6 = NUM_PERM bins
_EMPTY = np.uint32(0xFFFFFFFF)

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]

# Byte -> lower-case word byte, or 0 for a separator. Bytes >= 128 (UTF-8 of non-ASCII
# letters) are word characters, so every script is treated alike.
_TABLE = np.zeros(256, dtype=np.uint32)
for _c in range(256):
    _ch = chr(_c)
    if _c >= 128:
        _TABLE[_c] = _c
    elif _ch.isalnum():
        _TABLE[_c] = ord(_ch.lower())

# Words are hashed with a 32-bit polynomial rolling hash (32 bits suffice for a vocabulary;
# shingles are mixed to 64 bits): half the memory traffic of 64-bit arithmetic per byte.
_P = np.uint32(0x01000193)  # odd, hence invertible modulo 2**32
_P_INV = np.uint32(pow(0x01000193, -1, 2**32))


def _powers(base: np.uint32, n: int) -> U32:
    out = np.empty(n, dtype=np.uint32)
    out[0] = 1
    with np.errstate(over="ignore"):
        np.multiply.accumulate(np.full(n, base, dtype=np.uint32)[1:], out=out[1:])
    return out


_POW = _powers(_P, 1 << 16)
_INV = _powers(_P_INV, 1 << 16)


def _ensure_powers(n: int) -> tuple[U32, U32]:
    global _POW, _INV
    if n > len(_POW):
        size = 1 << (n - 1).bit_length()
        _POW = _powers(_P, size)
        _INV = _powers(_P_INV, size)
    return _POW, _INV


@dataclass(frozen=True, slots=True)
class MinHasher:
    """MinHash signatures and LSH band keys for one store (the salt seeds every hash).

    Parameters:
        salt: the store's secret; band keys are salted like every other identifier.
        bands: number of LSH bands (``NUM_PERM`` must divide by it).
    """

    seed64: np.uint64
    band_mix: U64  # (bands, rows) multipliers that turn a band into one 64-bit key
    bands: int

    @classmethod
    def create(cls, salt: str, bands: int = 8, rows: int = BAND_ROWS) -> MinHasher:
        if bands * rows > NUM_PERM:
            raise ValueError(f"bands x rows must fit in the {NUM_PERM} signature values")
        seed = int.from_bytes(hashlib.sha256(f"minhash\x1f{salt}".encode()).digest()[:8], "big")
        rng = np.random.default_rng(seed)
        seed64 = np.uint64(rng.integers(0, 2**63, dtype=np.uint64))
        mix = rng.integers(1, 2**63, size=(bands, rows), dtype=np.uint64)
        return cls(seed64=seed64, band_mix=mix * np.uint64(2) + np.uint64(1), bands=bands)

    def signatures(self, texts: Sequence[str | None]) -> list[U32 | None]:
        """One signature (``uint32[NUM_PERM]``) per text; None when too short or absent."""
        docs = [(t or "")[:MAX_CHARS] for t in texts]
        data = " ".join(docs).encode("utf-8", "surrogatepass")
        # Document boundaries in byte offsets (utf-8 lengths + one separator each).
        lengths = np.fromiter(
            (len(d.encode("utf-8", "surrogatepass")) for d in docs), dtype=np.int64, count=len(docs)
        )
        doc_start = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
        out: list[U32 | None] = [None] * len(docs)
        if not data:
            return out
        codes = _TABLE[np.frombuffer(data, dtype=np.uint8)]
        is_word = codes != 0
        edges = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        starts = np.flatnonzero(edges == 1)
        ends = np.flatnonzero(edges == -1)
        if len(starts) == 0:
            return out
        pw, inv = _ensure_powers(len(codes) + 1)
        with np.errstate(over="ignore"):
            weighted = codes * pw[: len(codes)]
            csum = np.concatenate(([np.uint32(0)], np.cumsum(weighted, dtype=np.uint32)))
            words = ((csum[ends] - csum[starts]) * inv[starts]).astype(np.uint64)
        word_doc = np.searchsorted(doc_start, starts, side="right") - 1
        n_words = np.bincount(word_doc, minlength=len(docs))
        # Shingles: SHINGLE consecutive words of one document.
        n = len(words) - SHINGLE + 1
        if n <= 0:
            return out
        with np.errstate(over="ignore"):
            sh = words[:n] * np.uint64(0x9E3779B97F4A7C15)
            for k in range(1, SHINGLE):
                sh = (sh ^ (sh >> np.uint64(29))) * np.uint64(0xBF58476D1CE4E5B9) + words[k : k + n]
            sh = sh ^ (sh >> np.uint64(32))
        sh_doc = word_doc[:n]
        keep = sh_doc == word_doc[SHINGLE - 1 :]
        sh, sh_doc = sh[keep], sh_doc[keep]
        # One-permutation hashing: the top bits of a shingle's (salted) hash choose one of
        # NUM_PERM bins, the rest is its value, and each bin keeps its minimum. One pass over
        # the shingles instead of NUM_PERM; empty bins borrow from the next bin (densification).
        with np.errstate(over="ignore"):
            hv = (sh ^ self.seed64) * np.uint64(0xD6E8FEB86659FD93)
            hv ^= hv >> np.uint64(32)
            hv *= np.uint64(0xD6E8FEB86659FD93)
        bins = (hv >> np.uint64(64 - _BIN_BITS)).astype(np.int64)
        vals = (hv & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        flat = np.full(len(docs) * NUM_PERM, _EMPTY, dtype=np.uint32)
        np.minimum.at(flat, sh_doc * NUM_PERM + bins, vals)
        # Only the signatures returned are densified: each row borrows within itself, and a
        # row without a single shingle (no cover letter, no resume) never fills, so with
        # them in, every batch ran all NUM_PERM - 1 steps over every row.
        kept = np.flatnonzero(n_words >= MIN_WORDS)
        sig = flat.reshape(len(docs), NUM_PERM)[kept]
        for step in range(1, NUM_PERM):
            empty = sig == _EMPTY
            if not empty.any():
                break
            borrowed = np.roll(sig, -step, axis=1)
            fill = empty & (borrowed != _EMPTY)
            sig[fill] = borrowed[fill] ^ np.uint32((0x9E3779B9 * step) & 0x7FFFFFFF)
        for row, i in enumerate(kept):
            out[int(i)] = sig[row]
        return out

    def band_keys(self, sigs: list[U32], kind_code: int) -> list[list[int]]:
        """Each signature's LSH band keys, as signed 64-bit identifiers of ``kind_code``."""
        if not sigs:
            return []
        width = self.band_mix.shape[1]
        rows = (
            np.stack(sigs)[:, : self.bands * width]
            .reshape(len(sigs), self.bands, width)
            .astype(np.uint64)
        )
        with np.errstate(over="ignore"):
            keys = (rows * self.band_mix[None, :, :]).sum(axis=2, dtype=np.uint64)
            keys ^= np.arange(self.bands, dtype=np.uint64)[None, :] << np.uint64(56)
            keys = keys * np.uint64(0x94D049BB133111EB) + np.uint64(kind_code)
        out: list[list[int]] = keys.view(np.int64).tolist()
        return out


def jaccard(sig_a: U32 | bytes, sig_b: U32 | bytes) -> float:
    """Estimated Jaccard similarity of two documents from their signatures (0..1)."""
    a = np.frombuffer(sig_a, dtype=np.uint32) if isinstance(sig_a, bytes) else sig_a
    b = np.frombuffer(sig_b, dtype=np.uint32) if isinstance(sig_b, bytes) else sig_b
    return float(np.count_nonzero(a == b)) / NUM_PERM
