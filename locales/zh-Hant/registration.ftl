# Registration: finding one's home, owner verification, /registerhere, /myhome
reg-cmd-register = 登記我家
reg-cmd-myhome = 查看我登記的房屋
reg-cmd-registerhere = 在本群發布住戶登記入口

reg-post-compound =
    🏠 { $compound } 住戶登記
    請點下面的按鈕，和我私訊，選好您家的樓棟和房號就可以了。
    業主和租客登記會由社區管理員審核。您的房號只有管理員看得到，不會發到群組裡。
reg-post-building =
    🏠 { $place } 住戶登記
    請點下面的按鈕，和我私訊，選好您家的單元和房號就可以了。
    業主和租客登記會由社區管理員審核。您的房號只有管理員看得到，不會發到群組裡。
reg-post-button = 點這裡登記我家
reg-post-unbound = 這個群組還沒有綁定社區，暫時不能發布登記入口。請社區管理員先綁定本群組。
reg-post-wrong-purpose = 住戶登記入口只能發在社區群組或樓棟群組裡，這個群組不是。
reg-post-pin-failed = 登記入口已經發出來了，但我沒有置頂訊息的權限。請把我設為管理員並允許「置頂訊息」，或請群主手動置頂上面那則訊息。
reg-post-group-only = 這個指令要在社區群組或樓棟群組裡使用。

reg-welcome = 您好！現在登記 { $compound } 的住戶資料，跟著按鈕點幾下就好。
reg-pick-building =
    { $compound }
    請選擇您住的樓棟：
reg-pick-entrance =
    { $place }
    請選擇單元：
reg-pick-room =
    { $place }
    請點您家的房號，也可以直接把房號打字傳給我（例如 1203）。
reg-page-prev = ◀ 上一頁
reg-page-next = 下一頁 ▶
reg-pick-relation =
    您選的是：{ $place }
    請問您和這個單位是什麼關係？
reg-relation-pick-owner = 我是業主（屋主）
reg-relation-pick-tenant = 我是租客
reg-relation-pick-family = 我是業主的家人
reg-relation-owner = 業主
reg-relation-co_owner = 共同業主
reg-relation-tenant = 租客
reg-relation-family = 家庭成員
reg-confirm =
    請核對一下：
    房屋：{ $place }
    身分：{ $relation }
    沒有問題的話，請點「確認送出」。
reg-confirm-yes = ✅ 確認送出
reg-confirm-no = 取消
reg-cancelled = 已取消，什麼都沒有變更。需要時可以再點群組裡的登記按鈕。
reg-claim-sent = 送出了！社區管理員審核後，我會傳訊息告訴您結果。（{ $place }）
reg-claim-sent-owner = 送出了！這戶的業主確認後，我會傳訊息告訴您結果。（{ $place }）
reg-claim-sent-co-owner = 這戶已經有人登記為業主，所以您的申請已按「共同業主」提交。同一戶的共同業主在業主大會表決中共用一票。社區管理員核實後我會通知您。（{ $place }）
reg-claim-already-pending = 您已經登記過這戶了（{ $place }），正在等待審核，請耐心等一等。
reg-claim-already-verified = 您已經是這戶的住戶了（{ $place }），審核早已通過，不用再登記。
reg-claim-owner-taken = 這戶（{ $place }）已經有人登記為業主，不能再登記業主了。如果您是業主的家人，請選「我是業主的家人」；如果登記有誤，請聯絡社區管理員。
reg-room-gone = 登記名冊裡找不到這戶了（{ $place }），可能剛被管理員修改過。請重新點群組裡的登記按鈕再選一次。
reg-room-unknown = 單元 { $entrance } 裡沒有找到房號「{ $room }」。請核對後再傳一次，或直接點上面的房號按鈕。
reg-choice-invalid = 這個選項和您正在登記的房屋對不上，什麼都沒有變更。請重新點群組裡的登記按鈕。
reg-expired = 這次登記已經過期了。請重新點群組裡的登記按鈕，從頭開始。
reg-link-compound-gone = 這個登記連結對應的社區已經不存在了，什麼都沒有變更。請向社區管理員索取新的登記入口。
reg-link-building-gone = 這個登記連結裡的樓棟已經不存在了，什麼都沒有變更。請向社區管理員索取新的登記入口。
reg-no-register = { $compound } 還沒有匯入住戶名冊，暫時沒辦法登記。請過幾天再試，或聯絡社區管理員。
reg-register-how = 登記我家：請打開您的社區群組或樓棟群組，點置頂訊息裡的「點這裡登記我家」按鈕。
reg-register-choose = 要在哪個社區再登記一個單位？請選擇（其他社區請點該社區群組裡的登記按鈕）：

reg-card =
    📝 新的住戶登記申請
    申請人：{ $who }
    身分：{ $relation }
    房屋：{ $place }
    名冊：{ $register }
    核對：{ $check }
reg-card-approve = ✅ 通過
reg-card-reject = ❌ 不通過
reg-card-closed =
    { $card }
    結果：{ $outcome }（由 { $by } 處理）
reg-status-pending = 待審核
reg-status-verified = 已通過
reg-status-rejected = 未通過
reg-status-ended = 已結束
reg-outcome-verified = 好消息！您登記的房屋審核通過了：{ $place }（{ $relation }）。
reg-outcome-rejected = 很抱歉，您登記的房屋沒有通過審核：{ $place }（{ $relation }）。如有疑問，請聯絡社區管理員或物業服務中心。
reg-decide-gone = 這筆申請已經不存在了。
reg-decide-own = 自己的申請不能自己審核，請讓其他管理員來處理。
reg-decide-already = 這筆申請已經由 { $by } 處理過了（{ $outcome }）。
reg-decide-done-verified = 已通過，我會通知申請人。
reg-decide-done-rejected = 已標記為不通過，我會通知申請人。

reg-myhome-title = 您登記的房屋：
reg-myhome-line = · { $place }：{ $relation }（{ $status }）
reg-myhome-none = 您還沒有登記房屋。請在社區群組或樓棟群組裡點置頂的登記按鈕。
reg-myhome-private = 為了保護您的隱私，請私訊我傳送 /myhome 查看。

## 審核卡片上的名冊資料
reg-register = 業主 { $name } · 電話 { $phone }
reg-register-unknown = 未登記
reg-register-empty = 這戶在名冊裡沒有業主姓名和電話
reg-check-match = ✅ 與名冊一致
reg-check-none = 名冊裡沒有可核對的資料，請另行核實
reg-check-family = 家人或租客申請，名字和業主不同是正常的，請向業主核實
reg-check-co-owner = 共同業主：名冊上可能只寫了一位業主，請查看列明共有人的不動產權證
reg-check-mismatch =
    ⚠️ 與名冊不符，請核實後再通過：
    { $what }
reg-mismatch-name = · 申請人的名字和名冊裡的業主對不上
reg-mismatch-phone = · 申請人留的電話（{ $tail }）和名冊裡的不一樣
