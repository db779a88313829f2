"""The instrument admin's "Import official text" page: upload, preview and correct, import as drafts."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from portal import workflow
from standards.models import Provision
from standards.text_import.diff import diff_against_stored
from standards.text_import.extract import ExtractionError, extract_lines
from standards.text_import.outline import OutlineError, from_outline, to_outline
from standards.text_import.parse import check_provisions, parse_lines
from standards.text_import.services import import_provisions

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class DocumentUploadForm(forms.Form):
    document = forms.FileField(
        label=_("Official document"),
        help_text=_("The UN's PDF, a Word .docx or a plain .txt file holding the instrument's text."),
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if not document.name.lower().endswith((".pdf", ".docx", ".txt")):
            raise ValidationError(_("Upload a PDF, a Word .docx or a plain .txt file."))
        if document.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 20 MB."))
        return document


class OutlineForm(forms.Form):
    outline = forms.CharField(
        label=_("Proposed provisions"),
        widget=forms.Textarea(attrs={"rows": 30, "class": "vLargeTextField", "spellcheck": "false"}),
        help_text=_(
            "One block per provision, headed “### kind number”. Move lines between blocks to correct a "
            "boundary; delete a block to leave it out."
        ),
    )

    def clean_outline(self):
        try:
            provisions = from_outline(self.cleaned_data["outline"])
        except OutlineError as error:
            raise ValidationError(str(error)) from error
        if not provisions:
            raise ValidationError(_("The outline holds no provision."))
        self.provisions = provisions
        return self.cleaned_data["outline"]


class ImportTextMixin:
    """Mixed into the instrument admin: the import page and its URL."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_text_view)
        return [
            path("<path:object_id>/import-text/", view, name="standards_instrument_import_text"),
            *super().get_urls(),
        ]

    def import_text_view(self, request, object_id):
        instrument = self.get_object(request, unquote(object_id))
        if instrument is None:
            raise Http404
        if not (self.has_view_permission(request, instrument) and request.user.has_perm("standards.add_provision")):
            raise PermissionDenied
        upload_form, outline_form, proposal_warnings, skipped = DocumentUploadForm(), None, [], None
        if request.method == "POST" and "document" in request.FILES:
            upload_form = DocumentUploadForm(request.POST, request.FILES)
            if upload_form.is_valid():
                document = upload_form.cleaned_data["document"]
                try:
                    proposal = parse_lines(extract_lines(data=document.read(), filename=document.name))
                except ExtractionError as error:
                    upload_form.add_error("document", str(error))
                else:
                    outline_form = OutlineForm(initial={"outline": to_outline(proposal.provisions)})
                    outline_form.provisions = proposal.provisions
                    proposal_warnings, skipped = proposal.warnings, proposal.skipped_lines
        elif request.method == "POST":
            outline_form = OutlineForm(request.POST)
            if outline_form.is_valid():
                if "import" in request.POST:
                    try:
                        result = import_provisions(
                            instrument=instrument, provisions=outline_form.provisions, user=request.user
                        )
                    except workflow.WorkflowError as error:
                        outline_form.add_error(None, _("Nothing was imported: %(reason)s") % {"reason": error})
                    except ValidationError as error:
                        outline_form.add_error(
                            None, _("Nothing was imported: %(reason)s") % {"reason": "; ".join(error.messages)}
                        )
                    else:
                        self.message_user(
                            request,
                            _("Imported as drafts: %(created)d new, %(updated)d changed, %(unchanged)d unchanged.")
                            % vars(result),
                            messages.SUCCESS,
                        )
                        url = reverse("admin:standards_provision_changelist")
                        return HttpResponseRedirect(f"{url}?instrument__id__exact={instrument.pk}")
                proposal_warnings = check_provisions(outline_form.provisions)
        provisions = getattr(outline_form, "provisions", None) if outline_form is not None else None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import the official text of %(instrument)s") % {"instrument": instrument},
            "opts": self.model._meta,
            "original": instrument,
            "upload_form": upload_form,
            "outline_form": outline_form,
            "provisions": provisions,
            "warnings": proposal_warnings,
            "skipped": skipped,
            "diff": diff_against_stored(instrument=instrument, provisions=provisions) if provisions else None,
            "stored_count": Provision.objects.filter(instrument=instrument).count(),
        }
        return TemplateResponse(request, "admin/standards/instrument/import_text.html", context)
