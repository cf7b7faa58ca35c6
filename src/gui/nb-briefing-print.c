/* nb-briefing-print.c: the briefing on paper, laid out with Pango.
 *
 * nb_briefing_to_text() is the one source of the printed words, so the
 * page on paper says what `netbook-cli brief` says. Its shape is simple
 * and fixed: the name, an underline, then sections whose headings start
 * at the margin while every line of content (user text included) is
 * indented; list items are "- " or "N. ", and their wrapped lines are
 * indented deeper. So a line at the margin is never user text, and the
 * layout can set headings in bold without ever reading markup.
 *
 * Each paragraph gets its own PangoLayout; pagination places the lines
 * one by one and keeps a heading on the page of what follows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-briefing-print.h"
#include "nb-date.h"

#define TITLE_FONT    "Sans Bold 20"
#define HEADING_FONT  "Sans Bold 12.5"
#define BODY_FONT     "Sans 10.5"
#define SMALL_FONT    "Sans 8.5"

/* Points. */
#define LIST_GUTTER       16.0
#define SPACE_BEFORE_HEADING 16.0
#define SPACE_AFTER_HEADING   3.0
#define SPACE_BETWEEN_LINES   3.0
#define FOOTER_HEIGHT        24.0
#define PAGE_MARGIN_MM       18.0

/* The line separator: a new line inside one paragraph, so the wrapped
 * lines of a list item stay aligned with its text. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_BODY,
} BlockStyle;

typedef struct {
  BlockStyle   style;
  guint        indent;   /* spaces before the line in the text */
  GString     *text;
  char        *prefix;   /* "•" or "3." for list items, else NULL */
  PangoLayout *layout;
  PangoLayout *prefix_layout;
} Block;

typedef struct {
  guint  block;
  int    line;
  int    page;
  double x;
  double baseline;
} PlacedLine;

typedef struct {
  NbBriefing  *briefing;
  GPtrArray   *blocks;   /* Block* */
  GArray      *lines;    /* PlacedLine */
  PangoLayout *kicker;   /* "Briefing · 23 November 2026" */
  PangoLayout *footer;
  double       kicker_height;
  int          n_pages;
} PrintJob;

static void
block_free (Block *block)
{
  g_string_free (block->text, TRUE);
  g_free (block->prefix);
  g_clear_object (&block->layout);
  g_clear_object (&block->prefix_layout);
  g_free (block);
}

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->briefing);
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_clear_pointer (&job->lines, g_array_unref);
  g_clear_object (&job->kicker);
  g_clear_object (&job->footer);
  g_free (job);
}

static Block *
add_block (PrintJob   *job,
           BlockStyle  style,
           guint       indent,
           const char *prefix,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->style = style;
  block->indent = indent;
  block->prefix = g_strdup (prefix);
  block->text = g_string_new (text);
  g_ptr_array_add (job->blocks, block);

  return block;
}

/* "12. rest" → 12 as "12." and the rest; FALSE if not a numbered item. */
static gboolean
split_numbered (const char  *content,
                char       **number,
                const char **rest)
{
  const char *p = content;

  while (g_ascii_isdigit (*p))
    p++;

  if (p == content || p[0] != '.' || p[1] != ' ')
    return FALSE;

  *number = g_strndup (content, p - content + 1);
  *rest = p + 2;
  return TRUE;
}

static gboolean
is_underline (const char *line)
{
  return line[0] == '=' && line[strspn (line, "=")] == '\0';
}

static void
parse_text (PrintJob   *job,
            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  Block *item = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A carriage return would start a paragraph of its own. */
      char *line = g_strdelimit (lines[i], "\r", ' ');
      guint indent = strspn (line, " ");
      const char *content = line + indent;
      g_autofree char *number = NULL;
      const char *rest = NULL;

      if (*content == '\0')
        {
          item = NULL;
          continue;
        }

      if (indent == 0)
        {
          if (i == 1 && is_underline (line))
            continue;
          add_block (job, i == 0 ? BLOCK_TITLE : BLOCK_HEADING, 0, NULL, content);
          item = NULL;
          continue;
        }

      /* The next line of a multi-line list item. */
      if (item != NULL && indent > item->indent)
        {
          g_string_append (item->text, LINE_SEPARATOR);
          g_string_append (item->text, content);
          continue;
        }

      if (g_str_has_prefix (content, "- "))
        item = add_block (job, BLOCK_BODY, indent, "•", content + 2);
      else if (split_numbered (content, &number, &rest))
        item = add_block (job, BLOCK_BODY, indent, number, rest);
      else
        item = add_block (job, BLOCK_BODY, indent, NULL, content);
    }
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *font,
            const char      *text,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  /* Plain text: never markup, whatever the name or note says. */
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The height of the first line of @block, for keeping headings with it. */
static double
first_line_height (Block *block)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (block->layout, 0), NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
space_before (Block *block)
{
  switch (block->style)
    {
    case BLOCK_TITLE:
      return 0;
    case BLOCK_HEADING:
      return SPACE_BEFORE_HEADING;
    case BLOCK_BODY:
    default:
      return SPACE_BETWEEN_LINES;
    }
}

static void
paginate (PrintJob *job,
          double    page_height)
{
  double y = job->kicker_height;
  int page = 0;

  g_array_set_size (job->lines, 0);

  for (guint b = 0; b < job->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (job->blocks, b);
      PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
      double x = block->prefix != NULL ? LIST_GUTTER : 0;
      double needed = 0;
      int line = 0;

      if (y > 0)
        y += space_before (block);
      if (block->style == BLOCK_HEADING && b + 1 < job->blocks->len)
        needed = SPACE_AFTER_HEADING + first_line_height (g_ptr_array_index (job->blocks, b + 1));

      do
        {
          PangoRectangle logical;
          PlacedLine placed;
          double height;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          height = (double) logical.height / PANGO_SCALE;

          if (y > 0 && y + height + (line == 0 ? needed : 0) > page_height)
            {
              page++;
              y = 0;
            }

          placed.block = b;
          placed.line = line;
          placed.page = page;
          placed.x = x + (double) logical.x / PANGO_SCALE;
          placed.baseline = y + (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
          g_array_append_val (job->lines, placed);

          y += height;
          line++;
        }
      while (pango_layout_iter_next_line (iter));

      pango_layout_iter_free (iter);

      if (block->style == BLOCK_HEADING)
        y += SPACE_AFTER_HEADING;
    }

  job->n_pages = page + 1;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autofree char *text = nb_briefing_to_text (job->briefing);
  g_autofree char *today = nb_date_format_long (nb_briefing_get_today (job->briefing));
  g_autofree char *kicker = NULL;

  g_ptr_array_set_size (job->blocks, 0);
  parse_text (job, text);

  for (guint b = 0; b < job->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (job->blocks, b);
      const char *font = block->style == BLOCK_TITLE ? TITLE_FONT
                       : block->style == BLOCK_HEADING ? HEADING_FONT
                       : BODY_FONT;
      double x = block->prefix != NULL ? LIST_GUTTER : 0;

      g_clear_object (&block->layout);
      block->layout = new_layout (context, font, block->text->str, width - x);
      if (block->prefix != NULL)
        {
          g_clear_object (&block->prefix_layout);
          block->prefix_layout = new_layout (context, BODY_FONT, block->prefix, 0);
        }
    }

  /* Translators: above the name on a printed briefing; %s is a date */
  kicker = g_strdup_printf (_("Briefing · %s"), today);
  g_clear_object (&job->kicker);
  job->kicker = new_layout (context, SMALL_FONT, kicker, width);
  job->kicker_height = layout_height (job->kicker) + 4;

  paginate (job, height - FOOTER_HEIGHT);
  gtk_print_operation_set_n_pages (operation, job->n_pages);
}

static void
draw_footer (PrintJob        *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  NbPerson *person = nb_briefing_get_person (job->briefing);
  g_autofree char *name = g_strdelimit (g_strdup (nb_person_get_display_name (person)), "\r\n", ' ');
  g_autofree char *text = NULL;

  /* Translators: the footer of a printed briefing: a name, then
   * "page 1 of 2" */
  text = g_strdup_printf (_("%s · page %d of %d"), name, page_nr + 1, job->n_pages);
  g_clear_object (&job->footer);
  job->footer = new_layout (context, SMALL_FONT, text, 0);
  pango_layout_set_ellipsize (job->footer, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_width (job->footer, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_alignment (job->footer, PANGO_ALIGN_RIGHT);

  cairo_move_to (cr, 0, gtk_print_context_get_height (context) - layout_height (job->footer));
  pango_cairo_show_layout (cr, job->footer);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  if (page_nr == 0)
    {
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, job->kicker);
    }
  draw_footer (job, context, cr, page_nr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < job->lines->len; i++)
    {
      PlacedLine *placed = &g_array_index (job->lines, PlacedLine, i);
      Block *block = g_ptr_array_index (job->blocks, placed->block);

      if (placed->page != page_nr)
        continue;

      if (placed->line == 0 && block->prefix_layout != NULL)
        {
          int prefix_width;

          /* Right-aligned in the gutter, so "9." and "10." line up. */
          pango_layout_get_size (block->prefix_layout, &prefix_width, NULL);
          cairo_move_to (cr, LIST_GUTTER - 6 - (double) prefix_width / PANGO_SCALE, placed->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->prefix_layout, 0));
        }

      cairo_move_to (cr, placed->x, placed->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, placed->line));
    }
}

GtkPrintOperation *
nb_briefing_print_operation_new (NbBriefing *briefing)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  NbPerson *person;
  g_autofree char *name = NULL;
  g_autofree char *job_name = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (NB_IS_BRIEFING (briefing), NULL);

  person = nb_briefing_get_person (briefing);
  name = g_strdelimit (g_strdup (nb_person_get_display_name (person)), "\r\n", ' ');

  job = g_new0 (PrintJob, 1);
  job->briefing = g_object_ref (briefing);
  job->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  job->lines = g_array_new (FALSE, FALSE, sizeof (PlacedLine));

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "nb-print-job", job, (GDestroyNotify) print_job_free);

  /* Translators: the print job's name, and the file name offered by
   * "Print to File"; %s is a person's name */
  job_name = g_strdup_printf (_("%s – briefing"), name);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* A reading page: wider margins than the printer's minimum. */
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_top_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);

  return operation;
}

gboolean
nb_briefing_export_pdf (NbBriefing  *briefing,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (NB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = nb_briefing_print_operation_new (briefing);
  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
