"""Letters: versioned templates with merge fields, the letterhead, rendering to PDF and the
record of every printed letter. See ``LetterService``."""

from __future__ import annotations

from app.services.letters.fields import MergeField, TemplateProblem
from app.services.letters.letterhead import Letterhead, Signatory
from app.services.letters.recipients import Recipient
from app.services.letters.service import LetterRecord, LetterService
from app.services.letters.templates import TemplateDTO, TemplateSummary

__all__ = ["LetterRecord", "LetterService", "Letterhead", "MergeField", "Recipient",
           "Signatory", "TemplateDTO", "TemplateProblem", "TemplateSummary"]
