# The one way to name a place: compound, building, entrance, room (services/place_names.py)
place-compound = { $name }
place-building = { $code ->
        [yes] Block { $name }
       *[no] { $name }
    }
place-entrance = { $code ->
        [yes] Entrance { $name }
       *[no] { $name }
    }
place-room = { $code ->
        [yes] Room { $name }
       *[no] { $name }
    }
place-none = —
place-1 = { $p1 }
place-2 = { $p1 }, { $p2 }
place-3 = { $p1 }, { $p2 }, { $p3 }
place-4 = { $p1 }, { $p2 }, { $p3 }, { $p4 }
