"""The empty archive both seeding benches start from (Django must be set up)."""


def start_afresh(tag_count: int):
    """Delete every story, tag and section; make 4 sections and ``tag_count``
    tags ("topic 0", "topic 1", …). Returns (sections, tags). Call it inside
    the transaction that seeds the stories."""
    from taggit.models import Tag

    from articles.models import Section, Story, TaggedStory

    TaggedStory.objects.all().delete()
    Story.objects.all().delete()
    Tag.objects.all().delete()
    Section.objects.all().delete()
    sections = [
        Section.objects.create(name=f"Section {n}", slug=f"section-{n}", order=n) for n in range(4)
    ]
    tags = Tag.objects.bulk_create(
        Tag(name=f"topic {n}", slug=f"topic-{n}") for n in range(tag_count)
    )
    return sections, tags
