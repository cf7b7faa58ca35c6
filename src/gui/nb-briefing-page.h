/* nb-briefing-page.h: the pre-meeting briefing as a reading page (DOMAIN.md,
 * "The two moments"; UX.md, "Briefing"). The window owns the header bar
 * above it, with Print… and Export Markdown….
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_BRIEFING_PAGE (nb_briefing_page_get_type ())
G_DECLARE_FINAL_TYPE (NbBriefingPage, nb_briefing_page, NB, BRIEFING_PAGE, AdwBin)

GtkWidget  *nb_briefing_page_new                  (NbStore        *store);
/* Shows @person_id's briefing (0 = nobody); rebuilt when the store says
 * something it shows changed. */
void        nb_briefing_page_set_person_id        (NbBriefingPage *self,
                                                   gint64          person_id);
gint64      nb_briefing_page_get_person_id        (NbBriefingPage *self);
/* The briefing as shown, or NULL (brings a pending rebuild up to date). */
NbBriefing *nb_briefing_page_get_briefing         (NbBriefingPage *self);

/* Opens the print dialog ("Save as PDF" is one of its printers). */
void        nb_briefing_page_print                (NbBriefingPage *self);
/* Asks where to save, then writes the Markdown and says so in a toast. */
void        nb_briefing_page_export_markdown      (NbBriefingPage *self);
/* Writes nb_briefing_to_markdown() to @file, then a toast: saved, or why
 * not. What the export dialog does once a file is picked. */
void        nb_briefing_page_save_markdown        (NbBriefingPage *self,
                                                   GFile          *file);
/* Only writes, no toast. The file is created private (0600): a briefing
 * is as personal as the notebook it comes from. */
void        nb_briefing_page_write_markdown_async (NbBriefingPage      *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    nb_briefing_page_write_markdown_finish (NbBriefingPage *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
/* "Maria Rossi – briefing.md", safe as a file name (newly allocated). */
char       *nb_briefing_page_dup_suggested_name   (NbBriefingPage *self,
                                                   const char     *extension);

/* Signals:
 *   "open-person" (gint64 person_id): the user followed a link to another
 *     person (who introduced us, who could help).
 *   "toast" (AdwToast *toast): show this toast.
 */

G_END_DECLS
