/* nb-export.h: taking the network out of Netbook (vCard, CSV, Markdown;
 * JSON is in nb-json.h).
 *
 * vCard: RFC 6350 vCard 4.0, UTF-8, CRLF line ends, lines folded at 75
 * octets (never inside a UTF-8 character), text escaped (\\ \, \; \n).
 * FN is the display name; N comes from the given and family names, else
 * from the display name ("Family, Given", or the last word as the family
 * name). ORG, TITLE, EMAIL, TEL, URL (one per value), CATEGORIES (the
 * tags), BDAY, PHOTO (a data: URI), REV (last change) and UID. NOTE is a
 * readable summary: target market, offers, interests, industry, location,
 * how we met, then the timeline's notes (kind "note"), newest first. UID
 * is "urn:uuid:" and a name-based (SHA-1, version 5) UUID of the person's
 * id and creation time: the same person keeps it across exports of the
 * same notebook (and of copies of it), two people never share one.
 *
 * CSV: RFC 4180 (CRLF, fields quoted when they hold a comma, quote, CR
 * or LF, quotes doubled), UTF-8 with a byte order mark because
 * spreadsheet programs need it to read UTF-8. A header row, then one row
 * per person: the person field keys (nb_person_field_get_key()), tags
 * (", "-separated), cadence_days, rapport, archived (0/1). Multi-valued
 * fields keep one value per line inside the cell. A cell that a
 * spreadsheet would run as a formula (starting with =, @, tab or CR, or
 * + or - followed by more than a number) gets a leading apostrophe.
 *
 * Markdown: one "Name.md" per person in a folder, for notes apps. File
 * names are made safe (no "/", "\", control characters, leading dots,
 * characters Windows refuses, reserved device names) and unique ("Name
 * (2).md", compared case-insensitively). Each file: YAML front matter
 * with the card (double-quoted, escaped strings), then the briefing
 * (nb_briefing_to_markdown()), the card, dreams/challenges/needs with
 * their status, follow-ups and the timeline. User text is
 * Markdown-escaped. Files are written 0600, the folder made 0700.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-store.h"

G_BEGIN_DECLS

typedef enum {
  NB_EXPORT_VCARD,
  NB_EXPORT_CSV,
  NB_EXPORT_JSON,
  NB_EXPORT_MARKDOWN,
} NbExportFormat;

/* "vcard", "csv", "json", "markdown". */
const char  *nb_export_format_to_string   (NbExportFormat  format);
gboolean     nb_export_format_from_string (const char     *str,
                                           NbExportFormat *out_format);
/* "vcf", "csv", "json", NULL for Markdown (a folder). */
const char  *nb_export_format_get_extension (NbExportFormat format);

/* @person_ids: the people to export, NULL for everyone (archived people
 * included). An id that is missing or deleted is
 * NB_STORE_ERROR_NOT_FOUND. Write errors come from GIO. */
gboolean     nb_export_vcard     (NbStore        *store,
                                  const gint64   *person_ids,
                                  guint           n_person_ids,
                                  GOutputStream  *stream,
                                  GCancellable   *cancellable,
                                  GError        **error);
gboolean     nb_export_csv       (NbStore        *store,
                                  const gint64   *person_ids,
                                  guint           n_person_ids,
                                  GOutputStream  *stream,
                                  GCancellable   *cancellable,
                                  GError        **error);
/* Creates @dir if needed. Existing files of the same names are replaced
 * (atomically), other files are left alone. */
gboolean     nb_export_markdown  (NbStore        *store,
                                  const gint64   *person_ids,
                                  guint           n_person_ids,
                                  GFile          *dir,
                                  GCancellable   *cancellable,
                                  GError        **error);

/* Any format to @dest: a file, replaced atomically (0600) only once it
 * is complete, or a folder for Markdown. JSON always holds the whole
 * notebook: @person_ids must be NULL. */
gboolean     nb_export_to_file   (NbStore        *store,
                                  NbExportFormat  format,
                                  const gint64   *person_ids,
                                  guint           n_person_ids,
                                  GFile          *dest,
                                  GCancellable   *cancellable,
                                  GError        **error);
/* nb_export_to_file() in a worker thread, which reads the notebook
 * through a read-only connection of its own: the store may be used (and
 * written) meanwhile; the export holds what was committed when it
 * started. Cancelling leaves @dest as it was. */
void         nb_export_to_file_async  (NbStore             *store,
                                       NbExportFormat       format,
                                       const gint64        *person_ids,
                                       guint                n_person_ids,
                                       GFile               *dest,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean     nb_export_to_file_finish (NbStore             *store,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
