# 地點的唯一寫法：社區 樓棟 單元 房號（見 services/place_names.py）
place-compound = { $name }
place-building = { $code ->
        [yes] { $name }號樓
       *[no] { $name }
    }
place-entrance = { $code ->
        [yes] { $name }單元
       *[no] { $name }
    }
place-room = { $code ->
        [yes] { $name }室
       *[no] { $name }
    }
place-none = —
place-1 = { $p1 }
place-2 = { $p1 } { $p2 }
place-3 = { $p1 } { $p2 } { $p3 }
place-4 = { $p1 } { $p2 } { $p3 } { $p4 }
