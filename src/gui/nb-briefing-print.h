/* nb-briefing-print.h: the briefing on paper, laid out with Pango.
 *
 * The text is nb_briefing_to_text(), the same that `netbook-cli brief`
 * prints, with its headings set in bold and its lists indented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-briefing.h"

G_BEGIN_DECLS

/* A print operation for @briefing, paginated, ready for
 * gtk_print_operation_run(). Takes a reference on @briefing. */
GtkPrintOperation *nb_briefing_print_operation_new (NbBriefing  *briefing);
/* Writes @briefing as a PDF to @path without a dialog. */
gboolean           nb_briefing_export_pdf          (NbBriefing  *briefing,
                                                    const char  *path,
                                                    GError     **error);

G_END_DECLS
