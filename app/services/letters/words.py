"""Words printed on the letter itself, in the letter's language (not the program's).

A letter in English goes to someone who reads English, whatever language the staff member's
screen is set to, so these are not gettext messages. A new letter language adds an entry here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class LetterWords:
    months: tuple[str, ...]
    weekdays: tuple[str, ...]  # Monday first
    and_word: str
    help_title: str
    contact: str
    phone: str
    hours: str
    removed: str  # what replaces a personnummer-like number
    page: str  # "Sida {n}"
    to: str  # before the addressee's name
    time_format: str  # {weekday} {date} {hh} {mm}

    def date(self, day: date) -> str:
        return f"{day.day} {self.months[day.month - 1]} {day.year}"

    def time(self, when: datetime) -> str:
        weekday = self.weekdays[when.weekday()]
        return self.time_format.format(weekday=weekday, date=self.date(when.date()),
                                       hh=when.hour, mm=when.minute)

    def join(self, items: Sequence[str]) -> str:
        """"A, B och C" / "A, B and C"."""
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.and_word} {items[-1]}"


WORDS: dict[str, LetterWords] = {
    "sv": LetterWords(
        months=("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                "september", "oktober", "november", "december"),
        weekdays=("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
        and_word="och", help_title="Vill du ha hjälp? Hör av dig.", contact="Kontaktperson",
        phone="Telefon", hours="Öppettider", removed="[borttaget]", page="Sida {n}", to="Till",
        time_format="{weekday} den {date} kl. {hh:02d}.{mm:02d}",
    ),
    "en": LetterWords(
        months=("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"),
        weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                  "Sunday"),
        and_word="and", help_title="Want help? Get in touch.", contact="Contact person",
        phone="Phone", hours="Opening hours", removed="[removed]", page="Page {n}", to="To",
        time_format="{weekday} {date} at {hh:02d}:{mm:02d}",
    ),
}
