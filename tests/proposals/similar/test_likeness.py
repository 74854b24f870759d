"""How a proposal is made a key, and how two keys are compared."""

from cocreate.proposals.similar.likeness import key_of, likeness


def test_what_a_title_proposes_comes_before_where():
    key = key_of("Flere bænke ved Sølvsøen")

    assert key.what == ("baenk",)
    assert key.where == ("soelvsoe",)


def test_a_name_says_where_and_never_what():
    key = key_of("Sølvsøen trænger til bænke", "Ved Sølvsøen er der ingen bænke.")

    assert "soelvsoe" not in key.what
    assert "soelvsoe" in key.where


def test_words_of_one_meaning_are_one_term():
    assert key_of("Fartbump på Møllegade").what == key_of("Hastighedsdæmpning i Møllegade").what


def test_the_same_idea_worded_differently_is_alike():
    ours = key_of("Flere bænke ved Sølvsøen", "Ældre gående har brug for steder at sidde.")
    theirs = key_of("Siddepladser på stien rundt om Sølvsøen", "Sæt nogle flere bænke op.")

    assert likeness(ours, theirs) > 0.5


def test_a_different_idea_in_the_same_place_is_not():
    ours = key_of("Flere bænke i Byparken", "Der er for få steder at sidde i Byparken.")
    theirs = key_of("Flere skraldespande i Byparken", "Der ligger dåser overalt i Byparken.")

    assert likeness(ours, theirs) < 0.22


def test_the_same_thing_in_another_place_scores_lower_than_in_the_same():
    ours = key_of("Hundeskov i Vestbyen")

    same_place = likeness(ours, key_of("Hundeskov ved Vestbyen"))
    other_place = likeness(ours, key_of("Hundeskov i Østerby"))

    assert other_place < same_place


def test_text_without_meaning_has_no_key():
    assert key_of("og i det", "").terms == ()
