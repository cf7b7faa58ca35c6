/* nb-gui-util.c: small helpers shared by Netbook's widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-gui-util.h"

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
