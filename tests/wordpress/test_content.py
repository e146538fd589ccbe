"""WordPress content as WordPress shows it: paragraphs, block comments, shortcodes."""

from wordpress.content import autop, cut_at_sentence, prepare


def test_blank_lines_make_paragraphs():
    assert autop("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>\n"


def test_windows_line_endings_and_several_blank_lines_make_one_break():
    assert autop("One.\r\n\r\n\r\n\r\nTwo.") == "<p>One.</p>\n<p>Two.</p>\n"


def test_a_single_newline_is_a_line_break():
    assert autop("Line one\nline two") == "<p>Line one<br />\nline two</p>\n"


def test_block_elements_are_not_wrapped_in_paragraphs():
    html = autop("Intro.\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nOutro.")

    assert "<p>Intro.</p>" in html and "<p>Outro.</p>" in html
    assert "<p><ul>" not in html and "<li>One</li>" in html


def test_preformatted_text_keeps_its_newlines():
    assert "<pre>a\n\nb</pre>" in autop("<pre>a\n\nb</pre>")


def test_block_editor_markup_is_unchanged_but_for_its_comments():
    html = prepare("<!-- wp:paragraph -->\n<p>Hello.</p>\n<!-- /wp:paragraph -->").html

    assert html.strip() == "<p>Hello.</p>"


def test_a_caption_shortcode_is_a_figure_with_its_caption():
    html = prepare(
        '[caption id="attachment_5" width="300"]<img src="a.jpg" /> Sports day[/caption]'
    )

    assert (
        html.html.strip()
        == '<figure><img src="a.jpg" /><figcaption>Sports day</figcaption></figure>'
    )


def test_an_old_style_caption_attribute_is_the_caption():
    html = prepare('[caption caption="The hall"]<img src="a.jpg" />[/caption]').html

    assert "<figcaption>The hall</figcaption>" in html


def test_a_gallery_is_one_figure_per_listed_image():
    html = prepare('[gallery ids="7,9"]').html

    assert html.count("<figure>") == 2
    assert 'class="wp-image-7"' in html and 'class="wp-image-9"' in html


def test_a_gallery_without_ids_shows_the_post_s_own_images():
    assert 'class="wp-image-4"' in prepare("[gallery]", lambda: [4]).html


def test_a_page_builder_s_nested_shortcodes_keep_their_text_and_are_named():
    prepared = prepare("[vc_row][vc_column]Welcome to the network.[/vc_column][/vc_row]")

    assert prepared.html.strip() == "<p>Welcome to the network.</p>"
    assert prepared.shortcodes == ["vc_column", "vc_row"]


def test_a_self_closing_plugin_shortcode_is_dropped_and_named():
    prepared = prepare('Contact us.\n\n[contact-form-7 id="12"]')

    assert prepared.html.strip() == "<p>Contact us.</p>"
    assert prepared.shortcodes == ["contact-form-7"]


def test_square_brackets_in_text_are_not_shortcodes():
    prepared = prepare("He said [sic] that footnote [1] matters.")

    assert "[sic]" in prepared.html and "[1]" in prepared.html
    assert prepared.shortcodes == []


def test_an_escaped_shortcode_is_shown_as_text():
    assert "[gallery]" in prepare("Type [[gallery]] to show photos.").html


def test_an_embed_is_a_link():
    html = prepare("[embed]https://www.youtube.com/watch?v=abc[/embed]").html

    assert '<a href="https://www.youtube.com/watch?v=abc">' in html


def test_a_web_address_alone_on_its_line_is_a_link():
    html = prepare("Watch:\n\nhttps://www.youtube.com/watch?v=abc").html

    assert '<p><a href="https://www.youtube.com/watch?v=abc">' in html


def test_an_image_alone_in_its_paragraph_is_a_figure():
    html = prepare('Before.\n\n<a href="big.jpg"><img src="a.jpg" alt="x" /></a>\n\nAfter.').html

    assert '<figure><img src="a.jpg" alt="x" /></figure>' in html


def test_headings_outside_levels_two_and_three_are_brought_within():
    html = prepare("<h1>Top</h1>\n<h5>Small</h5>").html

    assert "<h2>Top</h2>" in html and "<h3>Small</h3>" in html


def test_wordpress_classes_go_but_an_image_s_attachment_id_stays():
    html = prepare(
        '<p class="has-large-font">Hi</p><img class="wp-image-3 size-full" src="a">'
    ).html

    assert "has-large-font" not in html and "wp-image-3" in html


def test_a_long_standfirst_is_cut_at_a_sentence():
    text = "First sentence is here. " + "Second sentence goes on and on. " * 20

    assert cut_at_sentence(text, 60) == "First sentence is here. Second sentence goes on and on."


def test_text_with_no_sentence_end_is_cut_at_a_word():
    assert cut_at_sentence("word " * 100, 30) == "word word word word word word…"
