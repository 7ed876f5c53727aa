# How the certificate catalogue is cut into pages: one per batch in batch order, the certificates without a batch
# last, a batch larger than limits.CATALOGUE_CERTIFICATES_PER_PAGE cut into equal consecutive parts.
from __future__ import annotations

from dataclasses import dataclass

from macros.data.models import Certificate
from macros.views.limits import CATALOGUE_CERTIFICATES_PER_PAGE

NO_BATCH = "none"  # the batch filter's value (and data-batch) for certificates whose batch no source gives


@dataclass(frozen=True)
class Part:
    """One page of the certificate list: a batch (None: no batch given), or one part of a large one."""

    batch: int | None
    number: int  # 1-based, within its batch
    of: int  # how many parts its batch has
    certificates: tuple[Certificate, ...]

    @property
    def slug(self) -> str:
        """The page's folder under certificates/; a batch's first part keeps the batch's own name when it grows."""
        stem = f"batch-{self.batch}" if self.batch is not None else "no-batch"
        return stem if self.number == 1 else f"{stem}-{self.number}"

    @property
    def batch_key(self) -> str:
        return str(self.batch) if self.batch is not None else NO_BATCH


def order(certificate: Certificate) -> tuple:
    """Batches in order, by number within the batch; certificates without a batch last, by Chinese name."""
    return (certificate.batch is None, certificate.batch or 0, certificate.sequence or 10**6, certificate.name.zh)


def parts(certificates: list[Certificate], per_page: int = CATALOGUE_CERTIFICATES_PER_PAGE) -> list[Part]:
    """Every certificate on exactly one page, in the catalogue's order."""
    by_batch: dict[int | None, list[Certificate]] = {}
    for c in sorted(certificates, key=order):
        by_batch.setdefault(c.batch, []).append(c)
    out = []
    for batch, certs in by_batch.items():
        count = -(-len(certs) // per_page)
        # equal parts: 372 at 100 a page make four of 93, not 100, 100, 100 and 72
        sizes = [len(certs) // count + (1 if i < len(certs) % count else 0) for i in range(count)]
        starts = [sum(sizes[:i]) for i in range(count)]
        out += [
            Part(batch, i + 1, count, tuple(certs[start : start + size]))
            for i, (start, size) in enumerate(zip(starts, sizes, strict=True))
        ]
    return out


def page_of(certificates: list[Certificate]) -> dict[str, str]:
    """Certificate id -> the slug of the page that shows it."""
    return {c.id: part.slug for part in parts(certificates) for c in part.certificates}
