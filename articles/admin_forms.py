"""Admin form pieces shared by stories and pages (``pages.admin``)."""

from django import forms
from django.utils import timezone


class NoSilentOverwriteMixin(forms.Form):
    """Refuses to overwrite a save made since the form was opened.

    Mixed into a ModelForm whose model has ``updated_at`` and ``edited_by``.
    """

    # When the object was last saved as this form was opened.
    edit_base = forms.CharField(widget=forms.HiddenInput, required=False)

    # What the refusal compares, in the form's words.
    compared: list[str] = []
    # Related rows the comparison reads, fetched with the saved object.
    compared_related: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["edit_base"] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._refuse_if_saved_since(cleaned)
        return cleaned

    def _refuse_if_saved_since(self, cleaned):
        """Someone saved the object after this form was opened: keep this person's
        text in the form, say who saved and when, and what differs.

        The object's row stays locked until this save commits (the admin saves
        in a transaction), so of two saves at once the second sees the first.
        """
        model = self._meta.model
        saved = (
            model._default_manager.select_for_update(of=("self",))
            .select_related("edited_by", *self.compared_related)
            .filter(pk=self.instance.pk)
            .first()
        )
        if saved is None or saved.updated_at.isoformat() == self.data.get("edit_base"):
            return
        differences = [
            self.fields[name].label or name
            for name in self.compared
            if name in self.fields and cleaned.get(name) != getattr(saved, name)
        ]
        who = saved.edited_by.get_full_name() or saved.edited_by.email if saved.edited_by else None
        when = timezone.localtime(saved.updated_at).strftime("%-d %b %Y, %H:%M:%S")
        # The next save, made knowing this, replaces their version.
        self.data = self.data.copy()
        self.data["edit_base"] = saved.updated_at.isoformat()
        raise forms.ValidationError(
            "%(who)s saved this %(noun)s at %(when)s, after you opened it. Your changes are "
            "still in the form and nothing was saved. %(differences)s Save again to replace "
            "their version with yours, or open the %(noun)s in another tab to compare.",
            code="saved_since",
            params={
                "who": who or "Someone",
                "noun": model._meta.verbose_name,
                "when": when,
                "differences": (
                    f"Their version differs from yours in: {', '.join(differences)}."
                    if differences
                    else "The text fields are the same as yours."
                ),
            },
        )
