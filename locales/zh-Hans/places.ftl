# 地点的唯一写法：小区 楼栋 单元 房号（见 services/place_names.py）
place-compound = { $name }
place-building = { $code ->
        [yes] { $name }号楼
       *[no] { $name }
    }
place-entrance = { $code ->
        [yes] { $name }单元
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
