# Registration: finding one's home, owner verification, /registerhere, /myhome
reg-cmd-register = Register my home
reg-cmd-myhome = The homes I registered
reg-cmd-registerhere = Post the resident sign-up in this group

reg-post-compound =
    🏠 { $compound }: resident sign-up
    Tap the button below to chat with me privately and pick your building and room.
    Owner and tenant sign-ups are checked by the compound's admins. Only they see your room number; it is never posted in the group.
reg-post-building =
    🏠 { $place }: resident sign-up
    Tap the button below to chat with me privately and pick your entrance and room.
    Owner and tenant sign-ups are checked by the compound's admins. Only they see your room number; it is never posted in the group.
reg-post-button = Register my home
reg-post-unbound = This group is not linked to a compound yet, so I cannot post the sign-up here. Please ask a compound admin to link it first.
reg-post-wrong-purpose = The resident sign-up can only be posted in a compound or building group, and this group is neither.
reg-post-pin-failed = I posted the sign-up, but I am not allowed to pin messages here. Please make me an admin with "Pin messages", or pin the message above by hand.
reg-post-group-only = Please use this command in a compound or building group.

reg-welcome = Hello! Let's register your home in { $compound }. It only takes a few taps.
reg-pick-building =
    { $compound }
    Which building do you live in?
reg-pick-entrance =
    { $place }
    Which entrance?
reg-pick-room =
    { $place }
    Tap your room, or just type its number (for example 1203).
reg-page-prev = ◀ Previous
reg-page-next = Next ▶
reg-pick-relation =
    You picked: { $place }
    How are you related to this home?
reg-relation-pick-owner = I am the owner
reg-relation-pick-tenant = I am a tenant
reg-relation-pick-family = I am family of the owner
reg-relation-owner = owner
reg-relation-co_owner = co-owner
reg-relation-tenant = tenant
reg-relation-family = family member
reg-confirm =
    Please check:
    Home: { $place }
    You are: { $relation }
    If this is right, tap "Confirm".
reg-confirm-yes = ✅ Confirm
reg-confirm-no = Cancel
reg-cancelled = Cancelled; nothing was changed. Tap the sign-up button in your group whenever you like.
reg-claim-sent = Sent! I will let you know once a compound admin has checked it. ({ $place })
reg-claim-sent-owner = Sent! I will let you know once the owner of this home has confirmed it. ({ $place })
reg-claim-sent-co-owner = This home already has an owner registered, so I filed your claim as a co-owner. Co-owners of a home share its one vote in owners' assemblies. I will let you know once a compound admin has checked it. ({ $place })
reg-claim-already-pending = You have already registered for this home ({ $place }); it is waiting to be checked.
reg-claim-already-verified = You are already a verified resident of this home ({ $place }); there is nothing more to do.
reg-claim-owner-taken = Someone is already registered as the owner of this home ({ $place }), so it cannot take another owner. If you are family of the owner, choose "I am family of the owner"; if this is a mistake, please contact a compound admin.
reg-room-gone = This home ({ $place }) is no longer in the register; an admin may have just changed it. Please tap the sign-up button in your group and pick again.
reg-room-unknown = There is no room "{ $room }" in entrance { $entrance }. Please check and type it again, or tap one of the room buttons above.
reg-choice-invalid = That choice does not match the home you are registering, so nothing was changed. Please tap the sign-up button in your group again.
reg-expired = This sign-up has expired. Please tap the sign-up button in your group to start again.
reg-link-compound-gone = The compound of this sign-up link no longer exists, so nothing was changed. Please ask a compound admin for a new sign-up link.
reg-link-building-gone = The building of this sign-up link no longer exists, so nothing was changed. Please ask a compound admin for a new sign-up link.
reg-no-register = { $compound } has not loaded its household register yet, so you cannot sign up now. Please try again in a few days, or contact a compound admin.
reg-register-how = To register your home, open your compound or building group and tap "Register my home" in the pinned message.
reg-register-choose = Register another home in which compound? (For other compounds, tap the sign-up button in that compound's group.)

reg-card =
    📝 New resident sign-up
    From: { $who }
    As: { $relation }
    Home: { $place }
    Register: { $register }
    Check: { $check }
reg-card-approve = ✅ Approve
reg-card-reject = ❌ Reject
reg-card-closed =
    { $card }
    Outcome: { $outcome } (by { $by })
reg-status-pending = waiting to be checked
reg-status-verified = approved
reg-status-rejected = rejected
reg-status-ended = ended
reg-outcome-verified = Good news! Your home has been approved: { $place } ({ $relation }).
reg-outcome-rejected = Sorry, your sign-up was not approved: { $place } ({ $relation }). If you have questions, please contact a compound admin or the property service desk.
reg-decide-gone = This sign-up no longer exists.
reg-decide-own = You cannot check your own sign-up; please leave it to another admin.
reg-decide-already = This sign-up was already handled by { $by } ({ $outcome }).
reg-decide-done-verified = Approved. I will tell the person.
reg-decide-done-rejected = Rejected. I will tell the person.

reg-myhome-title = The homes you registered:
reg-myhome-line = · { $place }: { $relation } ({ $status })
reg-myhome-none = You have not registered a home yet. Tap the pinned sign-up button in your compound or building group.
reg-myhome-private = To keep your details private, please message me /myhome in a private chat.

## The register on a review card
reg-register = owner { $name } · phone { $phone }
reg-register-unknown = not recorded
reg-register-empty = no owner name or phone for this home in the register
reg-check-match = ✅ matches the register
reg-check-none = nothing in the register to compare with; please check another way
reg-check-family = a family member or tenant: a name other than the owner's is expected; please ask the owner
reg-check-co-owner = a co-owner: the register may name only one owner; please see the property certificate (不动产权证) that lists the co-owners
reg-check-mismatch =
    ⚠️ does not match the register; please check before approving:
    { $what }
reg-mismatch-name = · the claimant's name is not the owner's in the register
reg-mismatch-phone = · the claimant's phone ({ $tail }) is not the one in the register
