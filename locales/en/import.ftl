# Household register import (/import and the import-households CLI command)
import-cmd = Import the household register (CSV)
import-private-only = Please send /import to me in a private chat to import the household register.
import-prompt =
    Let's import the household register of "{ $compound }".
    Save the spreadsheet as a CSV file and send it to me as a file.
    The first row is the header and needs these columns:
    · building, entrance, room, area_m2 (square metres)
    · optional: owner_name, phone, developer (yes for the developer's unsold or undelivered parts)
    The file may be up to { $limit } MB. I will check it first and import nothing until you confirm.
import-send-file = Please send the CSV spreadsheet as a file (tap the paperclip 📎, then "File"). To start over, send /import.

import-file-too-big = This file is too big: I can take files up to { $limit } MB. Please split the spreadsheet into several files and send them one by one.
import-file-not-text = I can't read this file. In Excel, use "Save As" and choose "CSV (Comma delimited)", then send me the new file.
import-file-empty = This file is empty.
import-file-no-rows = This file has a header but no households.
import-file-missing-columns =
    This file lacks required columns:
    { $missing }
    The first row I found: { $found }
    Please put "building, entrance, room, area_m2" in the first row and send it again. Nothing was imported.
import-missing-item = · { $name }

import-col-building = building
import-col-entrance = entrance
import-col-room = room
import-col-area-m2 = area
import-col-owner-name = owner name
import-col-phone = phone
import-col-developer = developer's part

import-reason-empty = { $field } is empty
import-reason-too-long = { $field } is too long (at most { $max } characters)
import-reason-area-nan = area "{ $value }" is not a number
import-reason-area-nonpositive = area "{ $value }" must be greater than 0
import-reason-area-absurd = area "{ $value }" is too large, please check it (at most 10000 m²)
import-reason-area-decimals = area "{ $value }" has more than two decimals
import-reason-phone-invalid = phone "{ $value }" does not look right
import-reason-developer-invalid = developer's part "{ $value }" is not yes or no (write 是 / 否, yes / no, or leave it empty)
import-reason-duplicate = same household as line { $lines } (same building, entrance and room); keep only one
import-report-title =
    Household register check: { $compound }
    { $total } data rows.
import-report-accepted = ✅ { $accepted } rows can be imported: { $new } new households, { $updated } updated, { $unchanged } unchanged.
import-report-rejected = ❌ { $count } rows cannot be imported:
import-report-line = line { $line }: { $reason }
import-report-more = …and { $count } more; the full list is in the file below.
import-report-confirm = Please check. Nothing is written until you press "Apply", and rows with problems are left out; "Cancel" changes nothing.
import-report-nothing = Nothing differs from the register on file, so there is nothing to import.
import-btn-apply = Apply
import-btn-cancel = Cancel
import-rejections-caption = The full list of { $count } rejected rows. Fix them and send the file again.
import-csv-line = line
import-csv-reason = reason

import-applied = Imported: { $new } new households, { $updated } updated, { $unchanged } unchanged.
import-cancelled = Cancelled. The register was not changed.
import-expired = This import was already handled or has expired. Send /import to start again.
import-not-yours = Only the admin who uploaded this register can confirm it.
import-cli-dry-run = Dry run: nothing was written.
import-cli-not-applied = Some rows were rejected, so nothing was imported. Fix them and import again, or add --accept-partial to import only the good rows.
