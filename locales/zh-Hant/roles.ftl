# 角色：/grant /revoke /roles，黨員標記 /partymember，亮身份 /badge
role-cmd-grant = 為某人分配角色
role-cmd-revoke = 取消某人的角色
role-cmd-roles = 查看社區裡誰擔任什麼角色
role-cmd-partymember = 標記或取消黨員身分
role-cmd-badge = 亮出或收起黨員身分

role-name-admin = 管理員
role-name-steward = 管家
role-name-organizer = 活動組織者
role-name-party_branch = 黨支部
role-name-community_officer = 社區幹部
role-name-owners_committee = 業委會成員
role-name-grid_worker = 網格員
role-name-liaison_head = 聯戶長
role-name-building_leader = 樓棟長
role-name-mediator = 調解員
role-name-merchant = 商戶
role-name-finance = 物業財務
role-choice = { $name }（{ $code }）
role-with-scope = { $role }（{ $scope }）

role-group-unbound = 本群組還沒有設定屬於哪個社區。請社區管理員先在本群組傳送 /setup。
role-denied = 抱歉，您沒有這項權限，什麼都沒有改變。
role-grant-usage =
    用法：
    · 在社區的群組裡，回覆那個人的訊息：/grant 角色 [樓棟或服務隊]
    · 私訊我：/grant 角色 @使用者名稱（或數字 ID）[樓棟或服務隊]
    例如：/grant 樓棟長 @wang 3號樓，/grant 管家 @li 維修
role-revoke-usage =
    用法：
    · 在社區的群組裡，回覆那個人的訊息：/revoke 角色
    · 私訊我：/revoke 角色 @使用者名稱（或數字 ID）
    管家可以只移出某個服務隊：/revoke 管家 @li 維修
role-unknown-role = 沒有這個角色。可以用的角色有：{ $roles }
role-unknown-person = 我還不認識這個人。請他先私訊我傳一句 /start，或者在群組裡回覆他的訊息。
role-unknown-team = 沒有找到服務隊「{ $team }」。現有的服務隊：{ $teams }
role-unknown-building = 沒有找到樓棟「{ $building }」。請按住戶名冊裡的樓棟名稱輸入。
role-no-scope = { $role }不分樓棟或服務隊，請不要在後面加其他內容。
role-granted = 好的，{ $name } 現在是「{ $compound }」的{ $role }。我已經通知了本人。
role-revoked = 好的，已取消 { $name } 在「{ $compound }」的{ $role }角色。我已經通知了本人。
role-already = { $name } 已經是「{ $compound }」的{ $role }了，沒有改動。
role-not-granted = { $name } 在「{ $compound }」沒有{ $role }這個角色，沒有改動。
role-last-admin = { $name } 是「{ $compound }」唯一的管理員，不能取消。請先為另一個人分配{ $role }角色。
role-granted-notice = 您好！您已被任命為「{ $compound }」的{ $role }。傳送 /help 看看您現在可以做什麼。
role-revoked-notice = 您好，您在「{ $compound }」的{ $role }角色已經取消。感謝您的付出！
role-team-joined-notice = 您好！您已加入「{ $compound }」的{ $team }。
role-team-left-notice = 您好，您已不在「{ $compound }」的{ $team }裡了。感謝您的付出！

role-list-title = 「{ $compound }」的角色：
role-list-line = · { $role }：{ $who }
role-list-empty = 還沒有人擔任角色。
role-badge-mark = （黨員）

role-party-usage =
    用法：
    · 在社區的群組裡，回覆那個人的訊息：/partymember（取消用 /partymember off）
    · 私訊我：/partymember @使用者名稱（或數字 ID）[on 或 off]
role-party-marked = 已標記 { $name } 為黨員。本人可以傳送 /badge on 亮出身分。
role-party-unmarked = 已取消 { $name } 的黨員標記。
role-party-already = { $name } 已經標記為黨員了。
role-party-already-not = { $name } 本來就沒有黨員標記。
role-party-marked-notice = 您好！「{ $compound }」已將您登記為黨員。如果願意亮出身分，請私訊我傳送 /badge on。
role-party-unmarked-notice = 您好，「{ $compound }」已取消您的黨員登記。

role-badge-private = 亮身分請私訊我傳送 /badge on 或 /badge off。
role-badge-status-on = 您現在亮出了黨員身分。
role-badge-status-off = 您現在沒有亮出黨員身分。
role-badge-usage = 傳送 /badge on 亮出身分，/badge off 收起。
role-badge-not-member = 只有登記過的黨員才能亮身分。如果您是黨員，請聯絡社區黨支部或管理員登記。
role-badge-already-on = 您已經亮出了黨員身分。
role-badge-already-off = 您的黨員身分本來就是收起的。
role-badge-on = 好的，已亮出您的黨員身分。大家會在您的名字旁看到「黨員」。
role-badge-off = 好的，已收起您的黨員身分。
