# Registration: finding one's home, owner verification, /registerhere, /myhome
reg-cmd-register = 登记我家
reg-cmd-myhome = 查看我登记的房屋
reg-cmd-registerhere = 在本群发布住户登记入口

reg-post-compound =
    🏠 { $compound } 住户登记
    请点下面的按钮，和我私聊，选好您家的楼栋和房号就可以了。
    业主和租户登记会由小区管理员审核。您的房号只有管理员能看到，不会发到群里。
reg-post-building =
    🏠 { $place } 住户登记
    请点下面的按钮，和我私聊，选好您家的单元和房号就可以了。
    业主和租户登记会由小区管理员审核。您的房号只有管理员能看到，不会发到群里。
reg-post-button = 点这里登记我家
reg-post-unbound = 这个群还没有绑定小区，暂时不能发布登记入口。请小区管理员先绑定本群。
reg-post-wrong-purpose = 住户登记入口只能发在小区群或楼栋群里，这个群不是。
reg-post-pin-failed = 登记入口已经发出来了，但我没有置顶消息的权限。请把我设为管理员并允许“置顶消息”，或者请群主手动置顶上面那条消息。
reg-post-group-only = 这个指令要在小区群或楼栋群里使用。

reg-welcome = 您好！现在登记 { $compound } 的住户信息，跟着按钮点几下就好。
reg-pick-building =
    { $compound }
    请选择您住的楼栋：
reg-pick-entrance =
    { $place }
    请选择单元：
reg-pick-room =
    { $place }
    请点您家的房号，也可以直接把房号打字发给我（比如 1203）。
reg-page-prev = ◀ 上一页
reg-page-next = 下一页 ▶
reg-pick-relation =
    您选的是：{ $place }
    请问您和这套房子是什么关系？
reg-relation-pick-owner = 我是业主（房主）
reg-relation-pick-tenant = 我是租户
reg-relation-pick-family = 我是业主的家人
reg-relation-owner = 业主
reg-relation-co_owner = 共同业主
reg-relation-tenant = 租户
reg-relation-family = 家庭成员
reg-confirm =
    请核对一下：
    房屋：{ $place }
    身份：{ $relation }
    没有问题的话，请点“确认提交”。
reg-confirm-yes = ✅ 确认提交
reg-confirm-no = 取消
reg-cancelled = 已取消，什么都没有改动。需要时可以再点群里的登记按钮。
reg-claim-sent = 提交好了！小区管理员审核后，我会发消息告诉您结果。（{ $place }）
reg-claim-sent-owner = 提交好了！这户的业主确认后，我会发消息告诉您结果。（{ $place }）
reg-claim-sent-co-owner = 这户已经有人登记为业主，所以您的申请已按“共同业主”提交。同一户的共同业主在业主大会表决中共用一票。小区管理员核实后我会通知您。（{ $place }）
reg-claim-already-pending = 您已经登记过这户了（{ $place }），正在等待审核，请耐心等一等。
reg-claim-already-verified = 您已经是这户的住户了（{ $place }），审核早已通过，不用再登记。
reg-claim-owner-taken = 这户（{ $place }）已经有人登记为业主，不能再登记业主了。如果您是业主的家人，请选“我是业主的家人”；如果登记有误，请联系小区管理员。
reg-room-gone = 登记册里找不到这户了（{ $place }），可能刚被管理员改过。请重新点群里的登记按钮再选一次。
reg-room-unknown = 单元 { $entrance } 里没有找到房号“{ $room }”。请核对后再发一次，或者直接点上面的房号按钮。
reg-choice-invalid = 这个选项和您正在登记的房屋对不上，什么都没有改动。请重新点群里的登记按钮。
reg-expired = 这次登记已经过期了。请重新点群里的登记按钮，从头开始。
reg-link-compound-gone = 这个登记链接对应的小区已经不存在了，什么都没有改动。请向小区管理员要新的登记入口。
reg-link-building-gone = 这个登记链接里的楼栋已经不存在了，什么都没有改动。请向小区管理员要新的登记入口。
reg-no-register = { $compound } 还没有导入住户名册，暂时没法登记。请过几天再试，或者联系小区管理员。
reg-register-how = 登记我家：请打开您的小区群或楼栋群，点置顶消息里的“点这里登记我家”按钮。
reg-register-choose = 要在哪个小区再登记一套房子？请选择（其他小区请点那个小区群里的登记按钮）：

reg-card =
    📝 新的住户登记申请
    申请人：{ $who }
    身份：{ $relation }
    房屋：{ $place }
    名册：{ $register }
    核对：{ $check }
reg-card-approve = ✅ 通过
reg-card-reject = ❌ 不通过
reg-card-closed =
    { $card }
    结果：{ $outcome }（由 { $by } 处理）
reg-status-pending = 待审核
reg-status-verified = 已通过
reg-status-rejected = 未通过
reg-status-ended = 已结束
reg-outcome-verified = 好消息！您登记的房屋审核通过了：{ $place }（{ $relation }）。
reg-outcome-rejected = 很抱歉，您登记的房屋没有通过审核：{ $place }（{ $relation }）。有疑问的话，请联系小区管理员或物业服务中心。
reg-decide-gone = 这条申请已经不存在了。
reg-decide-own = 自己的申请不能自己审核，请让其他管理员来处理。
reg-decide-already = 这条申请已经由 { $by } 处理过了（{ $outcome }）。
reg-decide-done-verified = 已通过，我会通知申请人。
reg-decide-done-rejected = 已标记为不通过，我会通知申请人。

reg-myhome-title = 您登记的房屋：
reg-myhome-line = · { $place }：{ $relation }（{ $status }）
reg-myhome-none = 您还没有登记房屋。请在小区群或楼栋群里点置顶的登记按钮。
reg-myhome-private = 为了保护您的隐私，请私聊我发送 /myhome 查看。

## 审核卡片上的名册信息
reg-register = 业主 { $name } · 电话 { $phone }
reg-register-unknown = 未登记
reg-register-empty = 这户在名册里没有业主姓名和电话
reg-check-match = ✅ 与名册一致
reg-check-none = 名册里没有可核对的信息，请另行核实
reg-check-family = 家人或租户申请，名字和业主不同是正常的，请向业主核实
reg-check-co-owner = 共同业主：名册上可能只写了一位业主，请查看列明共有人的不动产权证
reg-check-mismatch =
    ⚠️ 与名册不符，请核实后再通过：
    { $what }
reg-mismatch-name = · 申请人的名字和名册里的业主对不上
reg-mismatch-phone = · 申请人留的电话（{ $tail }）和名册里的不一样
