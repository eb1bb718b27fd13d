"""Cross-document resolution with invented people: variants, typos, surnames, stable ids."""

from __future__ import annotations

from newsgraph.records import Article, DocResult, Label, LocalEntity, Mention, Metadata, Segment
from newsgraph.resolve import (
    MemoryIndex,
    Resolver,
    canonical_name,
    described_holder,
    person_names_agree,
)


def doc(*names: tuple[str, Label]) -> DocResult:
    """An article naming each entity once (each name its own local entity)."""
    text = ". ".join(n for n, _ in names)
    article = Article("d", "t", text, "en", (Segment(0, len(text), "en"),), Metadata(), "h")
    mentions, entities, pos = [], [], 0
    for i, (name, label) in enumerate(names):
        mentions.append(Mention(pos, pos + len(name), name, label, i))
        entities.append(LocalEntity(i, name, label, (name,)))
        pos += len(name) + 2
    return DocResult(article, mentions, entities)


def resolve(*docs: DocResult) -> tuple[list[list[str]], MemoryIndex]:
    index = MemoryIndex()
    resolver = Resolver(index)
    return [resolver.assign(d) for d in docs], index


def test_spelling_variants_and_abbreviations_are_one_entity() -> None:
    ids, _ = resolve(doc(("U.S.", "GPE")), doc(("United States", "GPE")), doc(("US", "GPE")))
    assert len({i[0] for i in ids}) == 1


def test_accents_and_case_do_not_split_an_entity() -> None:
    ids, _ = resolve(doc(("Graciela Valdivia", "PERSON")), doc(("GRACIELA VALDIVIA", "PERSON")),
                     doc(("Graciela Valdívia", "PERSON")))  # fmt: skip
    assert len({i[0] for i in ids}) == 1


def test_a_typo_in_one_word_merges_when_the_rest_agrees() -> None:
    ids, _ = resolve(doc(("Anselmo Gonzales Mendieta", "PERSON")),
                     doc(("Anselmo González Mendieta", "PERSON")))  # fmt: skip
    assert ids[0] == ids[1]


def test_a_similar_surname_with_another_given_name_stays_apart() -> None:
    ids, _ = resolve(doc(("Anselmo Gonzales", "PERSON")), doc(("Baltasar González", "PERSON")))
    assert ids[0] != ids[1]


def test_father_and_son_stay_apart_across_articles() -> None:
    ids, _ = resolve(doc(("Héctor Paredes Luna", "PERSON")), doc(("Iván Paredes Soto", "PERSON")))
    assert ids[0] != ids[1]


def person(name: str, *aliases: str) -> DocResult:
    """An article naming one person by ``name`` and, further on, by ``aliases``."""
    result = doc((name, "PERSON"))
    entity = LocalEntity(0, name, "PERSON", (name, *aliases))
    return DocResult(result.article, result.mentions, [entity])


def test_a_bare_given_name_never_joins_someone_across_articles() -> None:
    # "Jorge" is how the first article calls Jorge Ferrel Díaz on second mention; in the
    # second article a bare "Jorge" nicknamed "Tuto" is somebody else.
    ids, index = resolve(person("Jorge Ferrel Díaz", "Jorge"), person("Jorge", "Tuto"))
    assert ids[0] != ids[1]
    assert "Tuto" not in index.entities[ids[0][0]].aliases
    ids, _ = resolve(person("Jorge Ferrel Díaz", "Jorge"), person("Ferrel"))
    assert ids[0] == ids[1]


def test_bare_surname_merges_only_when_unambiguous() -> None:
    ids, _ = resolve(doc(("Octavio Zamudio", "PERSON")), doc(("Zamudio", "PERSON")))
    assert ids[0] == ids[1]
    ids, _ = resolve(doc(("Héctor Paredes Luna", "PERSON")), doc(("Iván Paredes Soto", "PERSON")),
                     doc(("Paredes", "PERSON")))  # fmt: skip
    assert ids[2][0] not in (ids[0][0], ids[1][0])


def test_cooccurring_entities_break_a_surname_tie() -> None:
    ids, _ = resolve(
        doc(("Héctor Paredes Luna", "PERSON"), ("Culiacán", "GPE")),
        doc(("Iván Paredes Soto", "PERSON"), ("Monterrey", "GPE")),
        doc(("Paredes", "PERSON"), ("Monterrey", "GPE")),
    )
    assert ids[2][0] == ids[1][0]


def test_labels_must_be_compatible() -> None:
    ids, _ = resolve(doc(("Ocampo", "ORG")), doc(("Ocampo", "GPE")))
    assert ids[0] != ids[1]


def test_ids_are_deterministic_and_untouched_entities_keep_theirs() -> None:
    first, index = resolve(doc(("Renata Urrutia", "PERSON")), doc(("Tijuana", "GPE")))
    before = {k: (e.mentions, e.name) for k, e in index.entities.items()}
    Resolver(index).assign(doc(("Renata Urrutia", "PERSON")))
    again, _ = resolve(doc(("Renata Urrutia", "PERSON")), doc(("Tijuana", "GPE")))
    assert first == again
    assert (index.entities[first[1][0]].mentions, index.entities[first[1][0]].name) == before[
        first[1][0]
    ]


def test_canonical_name_is_the_most_complete_well_attested_spelling() -> None:
    from collections import Counter

    aliases = Counter(
        {"Maria Gomez": 5, "María Fernanda Gómez Ruiz": 2, "María Fernanda Gomes Ruiz": 1}
    )
    assert canonical_name(aliases) == "María Fernanda Gómez Ruiz"


def test_person_names_agree_rules() -> None:
    assert person_names_agree(["lucia", "ramirez"], ["lucia", "ramirez", "ortega"])
    assert person_names_agree(["lopez", "obrador"], ["andres", "manuel", "lopez", "obrador"])
    assert not person_names_agree(["ivan", "paredes"], ["hector", "paredes"])


def test_a_person_tagged_org_in_another_article_is_the_same_person() -> None:
    ids, index = resolve(doc(("Graciela Valdivia Mora", "ORG")),
                         doc(("Graciela Valdivia Mora", "PERSON")),
                         doc(("Graciela Valdivia Mora", "ORG")))  # fmt: skip
    assert len({i[0] for i in ids}) == 1
    assert index.entities[ids[0][0]].label == "PERSON"


def test_a_place_a_few_articles_call_a_person_stays_a_place() -> None:
    docs = [doc(("Valle Hondo", "GPE")) for _ in range(6)] + [doc(("Valle Hondo", "PERSON"))]
    ids, index = resolve(*docs)
    assert len({i[0] for i in ids}) == 1
    assert index.entities[ids[0][0]].label == "GPE"


def test_a_place_takes_the_label_most_mentions_carry() -> None:
    ids, index = resolve(doc(("Tlacotalpan", "LOC")), doc(("Tlacotalpan", "GPE")),
                         doc(("Tlacotalpan", "GPE")))  # fmt: skip
    entity = index.entities[ids[0][0]]
    assert len({i[0] for i in ids}) == 1
    assert entity.label == "GPE" and entity.labels == {"LOC": 1, "GPE": 2}


def test_a_thing_with_a_number_is_no_full_name_of_a_person() -> None:
    ids, index = resolve(doc(("Zika-21", "ORG")), doc(("Zika-21", "PERSON")),
                         doc(("Zika-21", "ORG")))  # fmt: skip
    assert {index.entities[i[0]].label for i in ids} <= {"ORG", "PERSON"}
    assert index.entities[ids[0][0]].label == "ORG"


def test_one_word_names_do_not_cross_labels() -> None:
    ids, _ = resolve(doc(("Ocampo", "PERSON")), doc(("Ocampo", "ORG")))
    assert ids[0] != ids[1]


def test_an_alias_seen_before_finds_its_entity() -> None:
    first = doc(("Gerardo Ocaña Villalobos", "PERSON"), ("El Contador", "PERSON"))
    # In the article the nickname was introduced for him: one entity, two names.
    first.mentions[1] = Mention(first.mentions[1].start, first.mentions[1].end, "El Contador",
                                "PERSON", 0)  # fmt: skip
    first.entities[:] = [LocalEntity(0, "Gerardo Ocaña Villalobos", "PERSON",
                                     ("El Contador", "Gerardo Ocaña Villalobos"))]  # fmt: skip
    ids, index = resolve(first, doc(("El Contador", "PERSON")))
    assert ids[0] == ids[1]
    assert "Gerardo Ocaña Villalobos" in index.entities[ids[0][0]].aliases


def test_a_person_is_named_by_a_full_name_never_a_nickname() -> None:
    from collections import Counter

    aliases = Counter({"El Contador": 6, "Gómez": 4, "María Fernanda Gómez Ruiz": 1})
    assert canonical_name(aliases, person=True) == "María Fernanda Gómez Ruiz"
    # An organisation keeps the most complete well-attested spelling.
    assert canonical_name(Counter({"El Contador": 6, "Contador SA": 1})) == "El Contador"


def test_a_person_seen_only_by_surname_and_nickname_keeps_the_attested_spelling() -> None:
    from collections import Counter

    aliases = Counter({"El Contador": 6, "Gómez": 4, "dijo Gómez": 1})
    assert canonical_name(aliases, person=True) == "El Contador"


def test_resolved_person_takes_the_full_name_over_a_frequent_nickname() -> None:
    nick = doc(("El Contador", "PERSON"), ("María Fernanda Gómez Ruiz", "PERSON"))
    nick.entities[:] = [
        LocalEntity(
            0, "María Fernanda Gómez Ruiz", "PERSON", ("El Contador", "María Fernanda Gómez Ruiz")
        )
    ]
    nick.mentions[:] = [
        Mention(m.start, m.end, m.text, "PERSON", 0) for m in [*nick.mentions, nick.mentions[0]]
    ]
    _, index = resolve(nick)
    (entity,) = index.entities.values()
    assert entity.name == "María Fernanda Gómez Ruiz"


def test_bare_surname_tagged_a_place_joins_a_well_known_person() -> None:
    ids, index = resolve(
        doc(("Rebeca Anaya Lugo", "PERSON")),
        doc(("Rebeca Anaya Lugo", "PERSON"), ("Lugo", "PERSON")),
        doc(("Lugo", "LOC")),
    )
    assert ids[2][0] == ids[0][0]
    assert index.entities[ids[0][0]].label == "PERSON"


def test_bare_surname_of_a_person_seen_once_stays_a_place() -> None:
    ids, _ = resolve(doc(("Rebeca Anaya Lugo", "PERSON")), doc(("Lugo", "LOC")))
    assert ids[1][0] != ids[0][0]


def test_a_surname_that_is_also_a_known_place_stays_a_place() -> None:
    people = [doc(("Tomás Herrera Lima", "PERSON")) for _ in range(2)]
    ids, _ = resolve(*people, doc(("Lima", "LOC")))
    assert ids[2][0] != ids[0][0]  # a listed capital
    lugo = [doc(("Tomás Herrera Lugo", "PERSON")) for _ in range(2)]
    ids, _ = resolve(doc(("Lugo", "LOC")), *lugo, doc(("Lugo", "LOC")))
    assert ids[3][0] == ids[0][0] != ids[1][0]  # the corpus knows a place Lugo


def test_a_full_name_seen_once_needs_its_surname_used_alone() -> None:
    from collections import Counter

    assert canonical_name(Counter({"Twitter": 52, "Twitter West": 1}), person=True) == "Twitter"
    only_nickname = Counter({"El Contador": 6, "María Fernanda Gómez Ruiz": 1})
    assert canonical_name(only_nickname, person=True) == "María Fernanda Gómez Ruiz"


def test_a_description_finds_the_holder_known_by_the_place_or_its_demonym() -> None:
    candidates = {
        "calvillo": ["presidente de El Salvador"],
        "quist": ["presidente de EE.UU."],
        "anaya": ["gobernadora de Sinaloa"],
    }
    assert described_holder("el presidente salvadoreño", "es", candidates) == "calvillo"
    assert described_holder("el presidente estadounidense", "es", candidates) == "quist"
    assert described_holder("la mandataria sinaloense", "es", candidates) is None  # not her role
    assert described_holder("la gobernadora sinaloense", "es", candidates) == "anaya"
    assert described_holder("el presidente guatemalteco", "es", candidates) is None
