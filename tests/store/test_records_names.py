"""How a contact is called in a sentence."""

from __future__ import annotations

from bot.store.records import Contact


def test_a_contact_is_called_by_the_first_name_or_the_whole_name_when_it_opens_with_an_initial():
    assert Contact(id="c1", name="Priya Nair").first_name == "Priya"
    assert Contact(id="c2", name="K. Dominguez").first_name == "K. Dominguez"  # never "you promised K. the P&L"
    assert Contact(id="c3", name="J R Smith").first_name == "J R Smith"
    assert Contact(id="c4", name="Kim").first_name == "Kim"
