/* nb-gui-util.c: small helpers shared by Netbook's widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-gui-util.h"

#include <stdlib.h>
#include <string.h>

void
nb_avatar_set_person (AdwAvatar *avatar,
                      NbPerson  *person)
{
  g_autofree char *initials = NULL;
  g_autoptr(GString) text = NULL;

  g_return_if_fail (ADW_IS_AVATAR (avatar));

  if (person == NULL)
    {
      adw_avatar_set_text (avatar, NULL);
      return;
    }

  /* AdwAvatar takes the first character of the first and last words of
   * its text; give it the person's real initials as two words. */
  initials = nb_person_dup_initials (person);
  text = g_string_new (NULL);
  for (const char *p = initials; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_unichar (text, g_utf8_get_char (p));
    }

  adw_avatar_set_text (avatar, text->str);
  adw_avatar_set_show_initials (avatar, text->len > 0);
}

#define DEFERRED_ICON_KEY "nb-deferred-icon"

static void
on_deferred_icon_page_map_cb (GtkWidget *widget,
                              gpointer   user_data)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (widget);
  const char *icon_name = g_object_get_data (G_OBJECT (page), DEFERRED_ICON_KEY);

  g_signal_handlers_disconnect_by_func (page, on_deferred_icon_page_map_cb, user_data);
  /* Unless the page was given another icon since. */
  if (adw_status_page_get_icon_name (page) == NULL)
    adw_status_page_set_icon_name (page, icon_name);
  g_object_set_data (G_OBJECT (page), DEFERRED_ICON_KEY, NULL);
}

void
nb_status_page_defer_icon (AdwStatusPage *page)
{
  g_autofree char *icon_name = NULL;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  if (gtk_widget_get_mapped (GTK_WIDGET (page)) ||
      adw_status_page_get_icon_name (page) == NULL)
    return;

  icon_name = g_strdup (adw_status_page_get_icon_name (page));
  adw_status_page_set_icon_name (page, NULL);
  g_object_set_data_full (G_OBJECT (page), DEFERRED_ICON_KEY, g_steal_pointer (&icon_name), g_free);
  g_signal_connect (page, "map", G_CALLBACK (on_deferred_icon_page_map_cb), NULL);
}

/* Whether the text may not end just before @p: a combining mark or a
 * variation selector belongs to the character before it, and a
 * zero-width joiner glues two characters into one emoji. */
static gboolean
is_inside_cluster (const char *text,
                   const char *p)
{
  const char *prev = g_utf8_find_prev_char (text, p);

  if (g_unichar_ismark (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x200D)
    return TRUE;

  return prev != NULL && g_utf8_get_char (prev) == 0x200D;
}

char *
nb_text_preview (const char *text,
                 guint       max_chars,
                 guint       max_lines)
{
  const char *cut = NULL;
  const char *end;
  guint n_chars = 0;
  guint n_lines = 1;
  GString *preview;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 0, NULL);
  g_return_val_if_fail (max_lines > 0, NULL);

  /* g_utf8_find_next_char() stops at the terminating nul even where a
   * sequence claims more bytes, so this never reads past the string. */
  for (const char *p = text; *p != '\0'; p = g_utf8_find_next_char (p, NULL))
    {
      if (n_chars == max_chars || (*p == '\n' && n_lines == max_lines))
        {
          cut = p;
          break;
        }
      if (*p == '\n')
        n_lines++;
      n_chars++;
    }

  if (cut == NULL)
    return g_strdup (text);

  /* A text of nothing but marks keeps its cut rather than vanishing. */
  end = cut;
  while (end > text && is_inside_cluster (text, end))
    end = g_utf8_find_prev_char (text, end);
  if (end == text)
    end = cut;

  while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (text, end))))
    end = g_utf8_find_prev_char (text, end);

  preview = g_string_sized_new ((gsize) (end - text) + 4);
  g_string_append_len (preview, text, end - text);
  g_string_append (preview, "…");

  return g_string_free (preview, FALSE);
}

/* ---- long texts in a GtkTextView ---------------------------------------- */

/* Paragraphs are broken every DISPLAY_LINE_CHARS characters, after a
 * space in the second half of the line if there is one. */
#define DISPLAY_LINE_CHARS 2000
#define SOFT_BREAK_TAG "nb-soft-break"

static gboolean
is_paragraph_end (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2029;
}

static GtkTextTag *
get_soft_break_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *soft_break = gtk_text_tag_table_lookup (tags, SOFT_BREAK_TAG);

  if (soft_break == NULL)
    soft_break = gtk_text_buffer_create_tag (buffer, SOFT_BREAK_TAG, NULL);

  return soft_break;
}

/* The text between @start and @end as the user wrote it. */
static char *
dup_text_without_soft_breaks (GtkTextBuffer     *buffer,
                              const GtkTextIter *start,
                              const GtkTextIter *end)
{
  GtkTextTag *soft_break = get_soft_break_tag (buffer);
  GString *text = g_string_new (NULL);
  GtkTextIter from = *start;

  while (gtk_text_iter_compare (&from, end) < 0)
    {
      GtkTextIter to = from;
      g_autofree char *run = NULL;

      if (gtk_text_iter_has_tag (&from, soft_break))
        {
          gtk_text_iter_forward_to_tag_toggle (&from, soft_break);
          continue;
        }

      gtk_text_iter_forward_to_tag_toggle (&to, soft_break);
      if (gtk_text_iter_compare (&to, end) > 0)
        to = *end;
      run = gtk_text_buffer_get_text (buffer, &from, &to, TRUE);
      g_string_append (text, run);
      from = to;
    }

  return g_string_free (text, FALSE);
}

/* Copy and Cut put the text on the clipboard as written, not as broken
 * for display; Cut then deletes the selection where it may. */
static void
on_long_text_copy_cb (GtkTextView *view,
                      gpointer     user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (view);
  gboolean cut = g_str_equal (g_signal_name (hint->signal_id), "cut-clipboard");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_signal_stop_emission (view, hint->signal_id, hint->detail);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  text = dup_text_without_soft_breaks (buffer, &start, &end);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), text);
  if (cut)
    gtk_text_buffer_delete_selection (buffer, TRUE, gtk_text_view_get_editable (view));
}

void
nb_text_view_set_long_text (GtkTextView *view,
                            const char  *text)
{
  GtkTextBuffer *buffer;
  GtkTextTag *soft_break;
  const char *line = text;      /* the start of the line not inserted yet */
  const char *after_space = NULL;
  guint n_chars = 0;            /* characters from @line to @p */
  GtkTextIter end;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (text != NULL);

  buffer = gtk_text_view_get_buffer (view);
  soft_break = get_soft_break_tag (buffer);
  if (g_object_get_data (G_OBJECT (view), "nb-long-text") == NULL)
    {
      g_signal_connect (view, "copy-clipboard", G_CALLBACK (on_long_text_copy_cb), NULL);
      g_signal_connect (view, "cut-clipboard", G_CALLBACK (on_long_text_copy_cb), NULL);
      g_object_set_data (G_OBJECT (view), "nb-long-text", GINT_TO_POINTER (TRUE));
    }

  /* One user action: an undo after editing never shows it half-set. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_paragraph_end (c))
        {
          n_chars = 0;
          after_space = NULL;
          continue;
        }

      if (n_chars == DISPLAY_LINE_CHARS)
        {
          const char *cut = after_space != NULL ? after_space : p;

          gtk_text_buffer_insert (buffer, &end, line, cut - line);
          gtk_text_buffer_insert_with_tags (buffer, &end, "\n", 1, soft_break, NULL);
          line = cut;
          n_chars = (guint) g_utf8_strlen (cut, p - cut);
          after_space = NULL;
        }

      n_chars++;
      if (g_unichar_isspace (c) && n_chars > DISPLAY_LINE_CHARS / 2)
        after_space = g_utf8_next_char (p);
    }
  gtk_text_buffer_insert (buffer, &end, line, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

char *
nb_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return dup_text_without_soft_breaks (buffer, &start, &end);
}

typedef struct
{
  char *key;
  char *text;
} DisplayKey;

static int
compare_display_keys (gconstpointer a,
                      gconstpointer b)
{
  const DisplayKey *ka = a;
  const DisplayKey *kb = b;
  int result = strcmp (ka->key, kb->key);

  return result != 0 ? result : strcmp (ka->text, kb->text);
}

void
nb_strv_sort_for_display (GStrv strv)
{
  guint n;
  g_autofree DisplayKey *keys = NULL;

  n = strv != NULL ? g_strv_length (strv) : 0;
  if (n < 2)
    return;

  keys = g_new (DisplayKey, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (strv[i], -1);

      keys[i].key = g_utf8_collate_key (folded, -1);
      keys[i].text = strv[i];
    }

  qsort (keys, n, sizeof (DisplayKey), compare_display_keys);
  for (guint i = 0; i < n; i++)
    {
      strv[i] = keys[i].text;
      g_free (keys[i].key);
    }
}
