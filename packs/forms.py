"""The cover letter form: plain text with a few named blanks, checked before it is saved."""

from __future__ import annotations

import string

from django import forms

from .models import CoverLetter

PLACEHOLDERS = ("committee", "date", "time", "venue")


def _check_placeholders(text: str) -> None:
    """Only the named blanks, each written {like_this}; braces otherwise are refused."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        raise forms.ValidationError(
            "Use braces only around a blank, like {committee}; a lone { or } cannot be filled in."
        ) from None
    unknown = sorted({name for name in names if name not in PLACEHOLDERS})
    if unknown:
        allowed = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise forms.ValidationError(
            f"Remove {', '.join('{' + n + '}' for n in unknown)}: the letter can only fill in "
            f"{allowed}."
        )


class CoverLetterForm(forms.ModelForm):
    """A council's cover letter as its clerks word it."""

    class Meta:
        model = CoverLetter
        fields = [
            "addressee",
            "pack_text",
            "supplementary_text",
            "sign_off",
            "signatory",
            "signatory_title",
        ]
        labels = {
            "addressee": "Addressed to",
            "pack_text": "Letter with the agenda pack",
            "supplementary_text": "Letter with a supplementary pack",
            "sign_off": "Sign-off",
            "signatory": "Signed by",
            "signatory_title": "Signatory's job title",
        }
        help_texts = {
            "pack_text": "Plain text. {committee}, {date}, {time} and {venue} are filled in.",
            "supplementary_text": "Plain text. The list of enclosed items follows it.",
            "signatory": "Leave empty to use the council's chief executive.",
        }
        error_messages = {
            "addressee": {"required": "Enter who the letter is addressed to"},
            "pack_text": {"required": "Enter the letter sent with the agenda pack"},
            "supplementary_text": {"required": "Enter the letter sent with a supplementary pack"},
            "sign_off": {"required": "Enter a sign-off, like Yours sincerely"},
            "signatory_title": {"required": "Enter the signatory's job title"},
        }
        widgets = {
            "pack_text": forms.Textarea(attrs={"rows": 5}),
            "supplementary_text": forms.Textarea(attrs={"rows": 5}),
        }

    def _clean_letter(self, name: str) -> str:
        text = self.cleaned_data[name]
        _check_placeholders(text)
        if len(text) > 3000:
            raise forms.ValidationError("The letter must be 3,000 characters or fewer")
        return text

    def clean_pack_text(self) -> str:
        return self._clean_letter("pack_text")

    def clean_supplementary_text(self) -> str:
        return self._clean_letter("supplementary_text")
