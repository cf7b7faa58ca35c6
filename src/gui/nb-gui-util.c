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
