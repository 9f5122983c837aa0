# Profile and privacy: phone, what is public, forgetting
profile-cmd = My profile and phone
privacy-cmd-forgetme = Delete my personal data

profile-card =
    👤 Your profile
    Name: { $name }
    Phone: { $phone }
    Stewards may call or message you about your reports: { $contact }

    What others can see: { $public }
    Your flat number is never shown to anyone.
profile-phone-none = not set
profile-public-name = name
profile-public-phone = phone
profile-public-badge = party membership
profile-public-sep = {", "}
profile-btn-set-phone = 📞 Add my phone
profile-btn-change-phone = 📞 Change my phone
profile-btn-publish = Make my phone public
profile-btn-hide = Keep my phone private
profile-btn-remove-phone = Remove my phone
profile-btn-badge-on = Show my party badge
profile-btn-badge-off = Hide my party badge
profile-btn-share = 📱 Share my number
profile-btn-cancel = Cancel
profile-phone-ask =
    Tap "Share my number" below, or type your phone number.
    Only you can see it unless you choose to make it public.
profile-phone-saved = Saved your phone { $phone }. For now only you can see it.
profile-phone-invalid = That does not look like a phone number. Please type it again, for example +86 138 1234 5678.
profile-phone-not-yours = Please share your own number; you cannot add someone else's.
profile-phone-cancelled = All right, your phone was not changed.
profile-updated = Updated

privacy-forget-confirm =
    Do you want me to delete your personal data from Red Steward?
    · Your name, username and phone number are deleted
    · Your home registration ends, your roles are revoked and you leave any service team
    · Problems you reported and votes you cast stay, but no longer show who you are
    This cannot be undone. If you write to me again, we start afresh.
privacy-forget-yes = Yes, delete it
privacy-forget-no = No, keep it
privacy-forget-done = Your personal data has been deleted. Thank you for being part of the community, and all the best!
privacy-forget-kept = All right, nothing was deleted. Your data is still here.
privacy-private-only = Please message me privately about your profile; everyone can read this group.
profile-contact-yes = yes
profile-contact-no = no
profile-btn-contact-on = Let stewards contact me
profile-btn-contact-off = Stewards should not contact me
