from analyzer import left

RIGHT = 2
