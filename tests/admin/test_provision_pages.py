"""Provisions are edited on their own list, filtered by instrument, with previous/next on each form."""

from http import HTTPStatus

from django.urls import reverse

from standards.models import Instrument, Provision


def test_the_instrument_form_links_to_its_provisions_instead_of_listing_them_inline(client_for, editor):
    instrument = Instrument.objects.get(slug="nelson-mandela-rules")
    page = client_for(editor).get(reverse("admin:standards_instrument_change", args=[instrument.pk])).content.decode()
    assert "provisions-TOTAL_FORMS" not in page
    list_url = f"{reverse('admin:standards_provision_changelist')}?instrument__id__exact={instrument.pk}"
    assert f'href="{list_url}" id="provisions-link">Provisions (126)</a>' in page


def test_the_filtered_provision_list_holds_the_instruments_provisions(client_for, editor):
    instrument = Instrument.objects.get(slug="nelson-mandela-rules")
    response = client_for(editor).get(
        reverse("admin:standards_provision_changelist"), {"instrument__id__exact": instrument.pk}
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["cl"].result_count == 126


def test_a_provision_form_links_to_the_previous_and_next_provision(client_for, editor):
    rule_2 = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="2")
    page = client_for(editor).get(reverse("admin:standards_provision_change", args=[rule_2.pk])).content.decode()
    rule_1 = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="1")
    rule_3 = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="3")
    assert f'href="{reverse("admin:standards_provision_change", args=[rule_1.pk])}" id="previous-provision"' in page
    assert f'href="{reverse("admin:standards_provision_change", args=[rule_3.pk])}" id="next-provision"' in page
