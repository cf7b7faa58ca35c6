/* nb-gui-util.h: small helpers shared by Netbook's widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-person.h"

G_BEGIN_DECLS

/* Bounds for nb_text_preview(): a text shown on its own (a timeline
 * entry, the last conversation of a briefing), and a text that is one
 * line of a list (a need, a follow-up, an agenda row). */
#define NB_PREVIEW_LONG_CHARS  700
#define NB_PREVIEW_LONG_LINES  10
#define NB_PREVIEW_SHORT_CHARS 280
#define NB_PREVIEW_SHORT_LINES 4

/* Shows @person in @avatar: initials taken from the letters of the name
 * (so "<b>Bob</b> & Sons" gives "BS", not "<S"), colour from the name. */
void nb_avatar_set_person (AdwAvatar *avatar,
                           NbPerson  *person);

/* Takes the icon @page's template gave it and gives it back when @page
 * is first mapped. GTK 4.8 loads the icon of every visible image, on a
 * page shown or not, and Adwaita's icons at status-page size are SVG
 * only: one such icon on a page hidden at start-up loads librsvg, about
 * 8 MiB resident (docs/performance.md). Call it after
 * gtk_widget_init_template(). */
void nb_status_page_defer_icon (AdwStatusPage *page);

/* The start of @text (valid UTF-8) for a label: at most @max_chars
 * characters and @max_lines lines, cut between two characters (never
 * inside a UTF-8 sequence, nor before a combining mark), then "…" if
 * anything was left out. A GtkLabel lays its whole text out on every
 * size request, so no label may get a text of unbounded size: a 10 MB
 * note never finishes drawing. Returns a copy of @text when it fits. */
char *nb_text_preview      (const char *text,
                            guint       max_chars,
                            guint       max_lines);

/* GtkTextView lays each paragraph out as one PangoLayout: Pango takes
 * seconds over a paragraph of 200 KB and never finishes one of 10 MB,
 * while lines of a few thousand characters are laid out in the
 * background and keep the view responsive at any size. So
 * nb_text_view_set_long_text() puts @text in @view's buffer with its
 * longer paragraphs broken every few thousand characters by "soft"
 * line breaks, which are not part of the text: copying and cutting
 * leave them out, and so does nb_text_view_dup_text(). The user's own
 * line breaks stay as they are; what they type is never soft. */
void  nb_text_view_set_long_text (GtkTextView *view,
                                  const char  *text);
/* The text of @view as written, without the soft line breaks. */
char *nb_text_view_dup_text      (GtkTextView *view);

/* Sorts @strv in place as a list shown to the user: by the locale's
 * collation, case aside ("alumni", "Board", "board", "trades"); the
 * store and netbook-cli list in byte order, which scripts rely on. */
void  nb_strv_sort_for_display   (GStrv        strv);

G_END_DECLS
