# Directory: who to call, relayed messages, public numbers, join QR codes
dir-cmd-contacts = Contacts for my building
dir-cmd-contactadd = Add a public number (admins)
dir-cmd-contactdel = Remove a public number (admins)
qr-cmd = Make a join QR code

dir-title = 📒 Contacts: { $place }
dir-section-teams = [Service teams on duty]
dir-section-leaders = [People who look after the building]
dir-section-party = [Party members]
dir-section-entries = [Useful numbers]
dir-section-ladder = [Party branch · community office] (who to ask once your ticket is with them)
dir-branch-missing = · Party branch: no contact registered yet; please ask the compound's admin.
dir-line = · { $label }: { $name }{ $phone }
dir-line-party = · Party member { $name }{ $phone }
dir-line-entry = · { $label }: { $phone }{ $note }
dir-phone-suffix = {" "}(tel. { $phone })
dir-note-suffix = {" "}({ $note })
dir-party-more = …and { $count } more party members.
dir-empty = No contacts have been added here yet. Please ask the compound's admin.
dir-not-found = I could not find that compound or building; it may have been removed.
dir-role-in-building = { $role } ({ $building })
dir-message-button = ✉️ Message { $name }
dir-none-registered =
    You have not registered your home yet, so I don't know which building's contacts to show you.
    Scan the QR code on your compound's notice board, or tap the sign-up link in your building's group. Once you are registered, send /contacts again.
dir-choose-building = You are registered in more than one building. Which one?
dir-group-unbound = This group is not linked to a compound yet, so I have no contacts for it. Please ask the compound's admin to link it.
dir-open-private = Message them via a private chat
dir-private-only = Please use this command in a private chat with me, so the group is not disturbed.

dir-relay-ask =
    Send me what you would like to tell { $name }, and I will pass it on.
    Your phone number and flat are not shared.
dir-relay-ask-reply = Send me your reply to { $name }, and I will pass it on.
dir-relay-cancel-button = Cancel
dir-relay-cancelled = All right, that message will not be sent.
dir-relay-sent = Passed on to { $name }. I will let you know as soon as they reply.
dir-relay-text-only = I can only pass on text for now. Please write what you would like to say.
dir-relay-gone = Sorry, this person no longer uses Red Steward, so the message cannot be delivered.
dir-relay-refused-self = That is you! No need to leave yourself a message.
dir-relay-refused-gone = Sorry, this person no longer uses Red Steward, so the message cannot be delivered.
dir-relay-refused-empty = The message is empty. Please write what you would like to say.
dir-relay-refused-too-long = That is a little long. Please keep it under { $limit } characters; you can send it in parts.
dir-relay-incoming =
    📨 { $name } sent you a message through Red Steward:

    { $text }

    To answer, tap "Reply" below.
dir-relay-reply-button = ↩️ Reply

dir-scope-ask-q = Is this QR code for the whole of "{ $compound }", or for one building?
dir-scope-ask-a = Is this number for the whole of "{ $compound }", or for one building?
dir-scope-whole = Whole compound
dir-page-prev = ◀ Previous
dir-page-next = Next ▶
dir-add-usage =
    Write it like this: /contactadd name phone note (the note is optional)
    For example: /contactadd Police 110 open 24 hours
dir-add-expired = That took a while. Please send /contactadd again.
dir-added = Added #{ $id } { $label } ({ $where }). Residents see it with /contacts.
dir-del-unknown = There is no number with that id. Send /contactdel to see all ids.
dir-deleted = Removed #{ $id } { $label }.
dir-del-none = No public numbers have been added yet.
dir-del-list = Public numbers (to remove one, send /contactdel and its id):
dir-del-item = #{ $id } { $label } { $phone } · { $where }

qr-poster-hint = Scan with your phone camera to sign up: report problems, vote, find help
qr-caption =
    Join QR code for "{ $place }".
    Print it and put it on the notice board or by the entrance; residents scan it with their phone to sign up.
    Link: { $link }
